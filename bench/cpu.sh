#!/bin/bash
# CPU time (task-clock, parent + init child + container) and page faults of `gomini run`, which a
# busy machine disturbs much less than wall time. Usage: bench/cpu.sh BIN... (RUNS=50)
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${BUNDLE:-$root/examples/simple-test}
for bin in "$@"; do
    perf stat -r "${RUNS:-50}" -e task-clock,page-faults "$bin" run --bundle "$bundle" 2>&1 >/dev/null |
        awk -v b="$bin" '/task-clock/ {c=$1} /page-faults/ {p=$1} /elapsed/ {e=$1*1000} END {printf "%7.2f ms cpu  %6s faults  %6.2f ms elapsed(mean)  %s\n", c, p, e, b}'
done
