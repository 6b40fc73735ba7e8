#!/usr/bin/env bash
# JMH: the EVTX reader's template-plan dispatch with int opcodes (as shipped) against enum opcodes,
# on the plans of every record of ../shared/samples/evtx. Extra arguments go to JMH (e.g. -f 1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
m2="${M2_REPO:-$HOME/.m2/repository}"
jmh=1.37
classes="$repo/evtx/target/classes"
[ -d "$classes" ] || (cd "$repo" && ./mvnw -q -B -pl evtx compile)
jars=(
  "$m2/org/openjdk/jmh/jmh-core/$jmh/jmh-core-$jmh.jar"
  "$m2/org/openjdk/jmh/jmh-generator-annprocess/$jmh/jmh-generator-annprocess-$jmh.jar"
  "$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
  "$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
)
if [ ! -f "${jars[1]}" ]; then
  (cd "$repo" && ./mvnw -q -B dependency:get -Dartifact="org.openjdk.jmh:jmh-generator-annprocess:$jmh")
fi
cp="$(IFS=:; echo "${jars[*]}")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -cp "$cp:$classes" -processorpath "$cp" -d "$out" "$here"/src/org/mapiscope/evtx/*.java
java -Dsamples="${SAMPLES:-$repo/../shared/samples/evtx}" -cp "$out:$cp:$classes" \
  org.openjdk.jmh.Main PlanDispatchBench -f "${FORKS:-5}" -wi "${WARMUP:-5}" -i "${ITERATIONS:-10}" \
  -w 1s -r 1s "$@"
