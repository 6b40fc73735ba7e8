#!/bin/sh
# End-to-end analyze benchmark (docs/performance.md): `mapiscope analyze` over a large evidence folder of RCA
# logs and Application log exports with a 1 GB heap; reports wall time, MB/s and heap use.
# Data (default 10 GB) is generated once into bench/data/analyze and never committed.
set -eu
cd "$(dirname "$0")/../.."
RCA_MB="${RCA_MB:-9728}"
EVENTS_MB="${EVENTS_MB:-512}"
SERVERS="${SERVERS:-8}"
DATA="${DATA:-bench/data/analyze}"

./mapiscope --version >/dev/null   # builds the jar when it is missing or stale
mvn -q -o -pl ingest test-compile
mvn -q -o -pl ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-ingest.cp
CP="ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/bench-ingest.cp)"

if [ ! -d "$DATA" ]; then
  echo "generating $RCA_MB MB of RCA logs and $EVENTS_MB MB of event exports in $DATA"
  java -cp "$CP" org.mapiscope.ingest.rca.RcaLogGenerator "$DATA/rca" "$RCA_MB" "$SERVERS"
  mkdir -p "$DATA/eventlog"
  python3 bench/analyze/make-events.py "$DATA/eventlog/Application-all.xml" "$EVENTS_MB" "$SERVERS"
fi

BYTES=$(du -sb "$DATA" | cut -f1)
GC_LOG=cli/target/bench-analyze-gc.log
START=$(date +%s.%N)
/usr/bin/time -v -o cli/target/bench-analyze-time.txt \
  java -Xmx1g -Xlog:gc:file=$GC_LOG -jar cli/target/mapiscope.jar analyze "$DATA" --json cli/target/bench-analyze.json --quiet
END=$(date +%s.%N)

awk -v b="$BYTES" -v s="$START" -v e="$END" 'BEGIN {
  t = e - s; printf "input        %.0f MB\nwall time    %.1f s\nthroughput   %.0f MB/s\n", b / 1048576, t, b / 1048576 / t }'
grep "Maximum resident" cli/target/bench-analyze-time.txt | sed 's/^\s*/process      /'
# Heap after each collection (the live data) and before it, from the GC log.
sed -n 's/.*Pause.* \([0-9]*\)M->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2 \3/p' $GC_LOG | awk '
  { if ($2 > after) after = $2; if ($1 > before) before = $1; if ($3 > size) size = $3 }
  END { printf "heap         max %d MB after GC (live), %d MB before GC, heap size up to %d MB\n", after, before, size }'
