@echo off
rem Runs the mapiscope command line, building it first when the jar is missing or older than the sources
rem it is built from (main sources and resources, the poms; not tests).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\mapiscope.jar"
set "MODULE=cli"
rem "mapiscope fleet" runs the Spark job on this machine's cores: its own jar, Spark's jars beside it.
if /i "%~1"=="fleet" (
  set "JAR=%HERE%spark\target\mapiscope-spark.jar"
  set "MODULE=spark"
)
set "STALE=0"
if not exist "%JAR%" set "STALE=1"
if "%STALE%"=="0" (
  for /f %%R in ('powershell -NoProfile -Command "$j=(Get-Item -LiteralPath '%JAR%').LastWriteTime; $n=Get-ChildItem -LiteralPath '%HERE%.' -Recurse -File -ErrorAction SilentlyContinue ^| Where-Object { $_.FullName -notmatch '\\target\\' -and ($_.Name -eq 'pom.xml' -or $_.FullName -match '\\src\\main\\') -and $_.LastWriteTime -gt $j } ^| Select-Object -First 1; if ($n) { 1 } else { 0 }"') do set "STALE=%%R"
)
if "%STALE%"=="1" (
  echo mapiscope: building ^(first run or sources changed^)... 1>&2
  pushd "%HERE%"
  rem Coverage floors belong to a test run: without tests they would judge stale coverage data.
  call mvnw.cmd -q -B -DskipTests -Djacoco.skip=true install -pl %MODULE% -am 1>&2
  if errorlevel 1 (
    popd
    echo mapiscope: build failed; run "mvnw.cmd -DskipTests install" to see why 1>&2
    exit /b 3
  )
  popd
  rem Maven leaves a jar whose inputs did not change as it was: mark it current all the same.
  powershell -NoProfile -Command "(Get-Item -LiteralPath '%JAR%').LastWriteTime = Get-Date"
)
if "%MODULE%"=="spark" goto fleet
rem JVM warnings go to stderr, never into output on stdout. Every command is a batch job: the
rem throughput collector fits more evidence in a heap than G1. A log dump is a short job: C1-only
rem compilation starts fast (docs\decisions.md). MAPISCOPE_JAVA_OPTS comes last and can override.
set "JVM=-XX:+IgnoreUnrecognizedVMOptions -Xlog:disable -Xlog:all=warning:stderr -XX:+UseParallelGC"
if /i "%~1"=="evtx" set "JVM=%JVM% -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
java %JVM% %MAPISCOPE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:fleet
rem Spark's class path is longer than a cmd line may be: it goes to java in an argument file,
rem written by PowerShell (backslashes doubled, as java argument files read them).
set "ARGFILE=%TEMP%\mapiscope-fleet-%RANDOM%.args"
powershell -NoProfile -Command "$cp='%JAR%;' + (Get-Content -Raw -LiteralPath '%HERE%spark\target\spark-classpath.txt').Trim(); $o=(Get-Content -Raw -LiteralPath '%HERE%spark\target\spark-jvm-options.txt').Trim(); Set-Content -Encoding ASCII -LiteralPath '%ARGFILE%' -Value ($o + [Environment]::NewLine + '-cp' + [Environment]::NewLine + [char]34 + $cp.Replace('\','\\') + [char]34)"
set "ARGS="
shift
:collect
if "%~1"=="" goto run
set ARGS=%ARGS% %1
shift
goto collect
:run
java @"%ARGFILE%" "-Dlog4j2.configurationFile=%HERE%spark\target\log4j2-fleet.properties" -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 %MAPISCOPE_JAVA_OPTS% org.mapiscope.spark.FleetAnalyze %ARGS%
set "RC=%ERRORLEVEL%"
del "%ARGFILE%" 2>nul
exit /b %RC%
