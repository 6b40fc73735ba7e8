#!/bin/sh
# Runs the simulator benchmark on one core: builds the sim module offline, then runs the single-file
# benchmark against its classes. Extra arguments go to the JVM before the program (e.g. -Xmx32m).
set -e
cd "$(dirname "$0")/../.."
mvn -q -o -pl sim install -DskipTests
CP=$(mvn -q -o -pl sim dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec taskset -c 0 java -XX:+UseSerialGC -Xmx64m "$@" -cp "sim/target/classes:$CP" bench/sim/SimBenchmark.java
