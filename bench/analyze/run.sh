#!/bin/sh
# End-to-end analyze benchmark (docs/performance.md), offline, from the built jar: MB/s of `cat`, of a
# mawk peak-concurrency script, of reading alone and of `mapiscope analyze` (1 and 2 threads) on the
# same RCA logs, then analyze over the whole folder (RCA logs and event XML) with its heap, and the
# analysis state per (server, user) track. Data (default 10 GB) is generated once, never committed.
set -eu
cd "$(dirname "$0")/../.."
RCA_MB="${RCA_MB:-9728}"
EVENTS_MB="${EVENTS_MB:-512}"
SERVERS="${SERVERS:-8}"
DATA="${DATA:-bench/data/analyze}"
HEAP="${HEAP:-1g}"
THREADS="${THREADS:-1 2}"
GC="${GC:--XX:+UseParallelGC}" # the launcher's collector (docs/decisions.md)
JAR="${JAR:-cli/target/mapiscope.jar}"
OUT=cli/target/bench-analyze
mkdir -p "$OUT"

if [ ! -f "$JAR" ]; then
  ./mvnw -B -q -o package -DskipTests -pl cli -am   # the jar, without touching ~/.m2
fi
if [ ! -d "$DATA" ]; then
  echo "generating $RCA_MB MB of RCA logs and $EVENTS_MB MB of event exports in $DATA"
  # The generator is a test source; compiled beside the jar (whose package it shares), no Maven.
  javac -d "$OUT/generator" -cp "$JAR" ingest/src/test/java/org/mapiscope/ingest/rca/RcaLogGenerator.java
  java -cp "$OUT/generator:$JAR" org.mapiscope.ingest.rca.RcaLogGenerator "$DATA/rca" "$RCA_MB" "$SERVERS"
  mkdir -p "$DATA/eventlog"
  python3 bench/analyze/make-events.py "$DATA/eventlog/Application-all.xml" "$EVENTS_MB" "$SERVERS"
fi
command -v mawk >/dev/null || { echo "mawk is missing (apt-get install mawk)"; exit 1; }

ALL=$(du -sb "$DATA" | cut -f1)
RCA=$(du -sb "$DATA/rca" | cut -f1)
echo "input: $((RCA / 1048576)) MB of RCA logs, $((ALL / 1048576)) MB in all; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# timed LABEL BYTES COMMAND...: wall time, MB/s and CPU seconds of one command, its output kept.
timed() {
  label=$1 bytes=$2
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" > "$OUT/last.txt" 2>&1 || {
    cat "$OUT/last.txt"
    echo "$label: failed"
    return 1
  }
  awk -v l="$label" -v b="$bytes" '{ printf "%-26s %6.1f s %6.0f MB/s   cpu %5.1f s   rss %4.0f MB\n", l, $1, b / 1048576 / $1, $2 + $3, $4 / 1024 }' "$OUT/time.txt"
}

logs() { find "$DATA/rca" -type f -name '*.LOG' -print0 | sort -z; }
timed "cat (RCA logs)" "$RCA" sh -c "find '$DATA/rca' -type f -name '*.LOG' -exec cat {} + > /dev/null"
# One mawk over all files (-s: no split into batches), so its totals cover the whole set.
timed "mawk peak sessions" "$RCA" sh -c "find '$DATA/rca' -type f -name '*.LOG' -print0 | sort -z | xargs -0 -s 1000000 mawk -F, -f bench/analyze/peak-sessions.awk"
echo "                           ($(tail -1 "$OUT/last.txt"))"
for t in $THREADS; do
  timed "read alone, $t thread(s)" "$RCA" java -cp "$JAR" bench/analyze/AnalyzeProbe.java ingest "$DATA/rca" "$t"
done
for t in $THREADS; do
  timed "analyze RCA, $t thread(s)" "$RCA" java -Xmx"$HEAP" $GC -jar "$JAR" analyze "$DATA/rca" --json "$OUT/rca-$t.json" --quiet --threads "$t"
done
timed "analyze all, -Xmx$HEAP" "$ALL" java -Xmx"$HEAP" $GC -Xlog:gc:file="$OUT/gc.log" -jar "$JAR" analyze "$DATA" --json "$OUT/all.json" --quiet
# Heap after each collection (the live data) and before it, from the GC log.
sed -n 's/.*Pause.* \([0-9]*\)M->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2 \3/p' "$OUT/gc.log" | awk '
  { if ($2 > after) after = $2; if ($1 > before) before = $1; if ($3 > size) size = $3 }
  END { printf "heap                       max %d MB after GC (live), %d MB before GC, heap size up to %d MB\n", after, before, size }'
java -Xmx"$HEAP" -cp "$JAR" bench/analyze/AnalyzeProbe.java track-bytes "$DATA/rca" 2
