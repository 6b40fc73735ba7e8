#!/bin/sh
# Event log export benchmark (docs/performance.md): generates bench/data/eventlog once (never committed) and
# times EventXmlReader / EventCsvReader through Ingestor on one thread with a 256 MB heap.
# usage: bench/eventlog/run.sh [RUNS]   (extra JVM options in JAVA_OPTS, e.g. a JFR recording)
set -eu
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
DATA="bench/data/eventlog"
mvn -q -o -pl ingest test-compile
mvn -q -o -pl ingest dependency:build-classpath -Dmdep.outputFile=target/bench-eventlog.cp
CP="ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/bench-eventlog.cp)"
if [ ! -f "$DATA/Application.csv" ]; then
  echo "generating event log exports in $DATA"
  python3 bench/eventlog/make-data.py "$DATA" "${XML_MB:-1024}" "${SAVED_MB:-1024}" "${CSV_MB:-512}"
fi
# shellcheck disable=SC2086
java -Xmx256m ${JAVA_OPTS:-} -cp "$CP" bench/eventlog/EventLogBench.java "$RUNS" \
  "$DATA/Application-rendered.xml" "$DATA/Application-saved.xml" "$DATA/Application.csv"
