@echo off
rem Runs the mapiscope command line, building it first when the jar is missing or older than the sources.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\mapiscope.jar"
set "STALE=0"
if not exist "%JAR%" set "STALE=1"
if "%STALE%"=="0" (
  for /f %%R in ('powershell -NoProfile -Command "$j=(Get-Item -LiteralPath '%JAR%').LastWriteTime; $n=Get-ChildItem -LiteralPath '%HERE%.' -Recurse -File -Include *.java,pom.xml -ErrorAction SilentlyContinue ^| Where-Object { $_.FullName -notmatch '\\target\\' -and $_.LastWriteTime -gt $j } ^| Select-Object -First 1; if ($n) { 1 } else { 0 }"') do set "STALE=%%R"
)
if "%STALE%"=="1" (
  echo mapiscope: building ^(first run or sources changed^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -q -B -DskipTests install 1>&2
  if errorlevel 1 (
    popd
    echo mapiscope: build failed; run "mvnw.cmd -DskipTests install" to see why 1>&2
    exit /b 3
  )
  popd
)
rem JVM warnings go to stderr, never into output on stdout. A log dump is a short job: C1-only
rem compilation starts fast (docs\decisions.md). MAPISCOPE_JAVA_OPTS comes last and can override.
set "JVM=-XX:+IgnoreUnrecognizedVMOptions -Xlog:disable -Xlog:all=warning:stderr"
if /i "%~1"=="evtx" set "JVM=%JVM% -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData"
java %JVM% %MAPISCOPE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
