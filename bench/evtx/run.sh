#!/usr/bin/env bash
# EVTX throughput benchmark: our JSONL dump (1 thread and all cores) against libevtx's evtxexport,
# on one ≥128 MB file built from the clean chunks of the shared samples. Usage: bench/evtx/run.sh [MB]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
samples="$repo/../shared/samples/evtx"
size_mb="${1:-128}"
work="${TMPDIR:-/tmp}/mapiscope-evtx-bench"
big="$work/big.evtx"
jar="$repo/evtx/target/mapiscope-evtx-0.1.0.jar"
mkdir -p "$work"

[ -f "$jar" ] || (cd "$repo" && ./mvnw -q -B -pl evtx install -DskipTests)
command -v evtxexport >/dev/null || { echo "evtxexport not installed (Debian: libevtx-utils)"; exit 1; }

# One header, then clean chunks (signature and both CRC32s valid) repeated until the size is reached;
# header chunk counters and CRC fixed so every reader sees a consistent file.
python3 - "$samples" "$big" "$size_mb" <<'PY'
import sys, zlib, struct, os
samples, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = ["system.evtx", "sysmon.evtx", "security_bad_string_cache.evtx", "Security_short_selected.evtx"]
chunks, header = [], None
for n in names:
    d = open(os.path.join(samples, n), "rb").read()
    header = header or bytearray(d[:4096])
    for off in range(4096, len(d) - 65535, 65536):
        c = d[off:off + 65536]
        if c[:8] != b"ElfChnk\0":
            continue
        hcrc = zlib.crc32(c[:120] + c[128:512]) & 0xffffffff
        free = struct.unpack_from("<I", c, 48)[0]
        dcrc = zlib.crc32(c[512:free]) & 0xffffffff
        if hcrc == struct.unpack_from("<I", c, 124)[0] and dcrc == struct.unpack_from("<I", c, 52)[0]:
            chunks.append(c)
need = size_mb * 1024 * 1024 // 65536 + 1
body = [chunks[i % len(chunks)] for i in range(need)]
struct.pack_into("<QQ", header, 8, 0, need - 1)
struct.pack_into("<H", header, 42, need & 0xffff)
struct.pack_into("<I", header, 120, 0)
struct.pack_into("<I", header, 124, zlib.crc32(bytes(header[:120])) & 0xffffffff)
with open(out, "wb") as f:
    f.write(header)
    for c in body:
        f.write(c)
print(f"built {out}: {len(body)} chunks from {len(chunks)} distinct clean chunks")
PY

bytes=$(stat -c %s "$big")
mb=$(python3 -c "print(round($bytes/1048576, 1))")
records=$(java -cp "$jar" org.mapiscope.evtx.tool.EvtxDump --threads 1 "$big" 2>/dev/null | wc -l)
echo "file: $mb MB, $records records, $(nproc) cores"

secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); python3 -c "print(round($e-$s, 3))"; }
report() {
    python3 -c "t=$2; print(f'{\"$1\":<34} {t:8.2f} s {$bytes/1048576/t:9.1f} MB/s {$records/t:12.0f} rec/s')"
}
java_opts=(-Xmx256m -XX:+UseParallelGC)
repeat="${REPEAT:-5}"
cores="$(nproc)"
launcher="$repo/mapiscope"
# Warms the page cache, builds the CLI if needed and lets the launcher write its class data archive.
"$launcher" evtx --format jsonl "$big" >/dev/null
"$launcher" evtx --format jsonl "$big" >/dev/null
t_ref=$(secs sh -c "evtxexport '$big' > /dev/null")
# Each JVM run is one command-line dump (start-up and JIT warm-up included); repeated because the machine is shared.
cli_runs() { for _ in $(seq "$repeat"); do secs sh -c "'$launcher' evtx --format jsonl '$big' > /dev/null"; done; }
runs() { for _ in $(seq "$repeat"); do secs sh -c "java ${java_opts[*]} -cp '$jar' org.mapiscope.evtx.tool.EvtxDump --threads $1 '$big' > /dev/null"; done; }
best_median() { python3 -c "import sys, statistics; v=sorted(float(x) for x in sys.argv[1:]); print(v[0], statistics.median(v))" $1; }
read -r cli_best cli_median <<<"$(best_median "$(cli_runs)")"
read -r one_best one_median <<<"$(best_median "$(runs 1)")"
read -r all_best all_median <<<"$(best_median "$(runs "$cores")")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
report "evtxexport (text, 1 thread)" "$t_ref"
report "mapiscope evtx --format jsonl, best" "$cli_best"
report "mapiscope evtx --format jsonl, median" "$cli_median"
report "EvtxDump, default JIT, 1 thread, best" "$one_best"
report "EvtxDump, default JIT, 1 thread, median" "$one_median"
report "EvtxDump, default JIT, $cores threads, best" "$all_best"
report "EvtxDump, default JIT, $cores threads, median" "$all_median"
python3 -c "print(f'ratio vs evtxexport: mapiscope evtx {$t_ref/$cli_best:.1f}x best, {$t_ref/$cli_median:.1f}x median; EvtxDump 1 thread {$t_ref/$one_best:.1f}x, $cores threads {$t_ref/$all_best:.1f}x (best)')"
# Steady state in one JVM, as a long-running ingest sees it.
java "${java_opts[@]}" -cp "$jar" "$here/WarmRun.java" "$big" 1 10
java "${java_opts[@]}" -cp "$jar" "$here/WarmRun.java" "$big" "$cores" 10

# Heap: a dump needs only its chunks in flight, so it runs in a 16 MB heap; the GC log gives the
# largest heap before a collection and the live data after one.
java -Xmx16m -XX:+UseParallelGC -Xlog:gc:file="$work/gc.log" -cp "$jar" org.mapiscope.evtx.tool.EvtxDump \
    --threads "$cores" "$big" | wc -l | xargs -I{} echo "lines written with -Xmx16m: {}"
python3 - "$work/gc.log" <<'PY2'
import re, sys
before, after, n = 0, 0, 0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        n += 1
        before, after = max(before, int(m.group(1))), max(after, int(m.group(2)))
print(f"heap (-Xmx16m, {n} collections): at most {before} MB before a collection, {after} MB live after (GC log {sys.argv[1]})")
PY2
