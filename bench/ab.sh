#!/bin/bash
# A/B start-up timing of gomini binaries on examples/simple-test: hyperfine -N at nice -10, so that
# a busy machine disturbs it less; prints median and min (ms). Not SCHED_FIFO: a real-time task
# cannot join a v1 cpu cgroup without an rt_runtime budget (EINVAL), so every run would fail.
# Usage: bench/ab.sh BIN... (RUNS=60)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${BUNDLE:-$root/examples/simple-test}
runs=${RUNS:-60}
cmds=()
for bin in "$@"; do cmds+=("$bin run --bundle $bundle"); done
out=$(mktemp)
nice -n -10 hyperfine -N --warmup 5 -r "$runs" --export-json "$out" "${cmds[@]}" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys, statistics
for r in json.load(open(sys.argv[1]))["results"]:
    t = [x * 1000 for x in r["times"]]
    print(f"{statistics.median(t):7.2f} ms median  {min(t):6.2f} ms min  {statistics.mean(t):6.2f} mean  {r['command'].split(' run ')[0]}")
PY
rm -f "$out"
