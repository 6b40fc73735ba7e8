#!/bin/sh
# RCA ingestion benchmark: generates bench/data/rca (2 GB unless SIZE_MB says otherwise, kept
# between runs, never committed) and times mapiscope's ingestion of it with a 256 MB heap.
set -eu
cd "$(dirname "$0")/../.."
SIZE_MB="${SIZE_MB:-2048}"
DATA="bench/data/rca"
mvn -q -o -pl ingest test-compile
mvn -q -o -pl ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-ingest.cp
CP="ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/bench-ingest.cp)"
if [ ! -d "$DATA" ]; then
  echo "generating $SIZE_MB MB of RCA logs in $DATA"
  java -cp "$CP" org.mapiscope.ingest.rca.RcaLogGenerator "$DATA" "$SIZE_MB" 4
fi
java -Xmx256m -Xlog:gc:file=ingest/target/bench-ingest-gc.log -cp "$CP" org.mapiscope.ingest.rca.RcaBench "$DATA" "$@"
