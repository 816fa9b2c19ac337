#!/bin/bash
# Compares `exec` into a running container: gomini, runc and crun each start the same bundle
# (runc's default spec running `sleep 1000`) detached, then `exec ID /bin/true` is timed, alternating,
# and the medians and ratios printed. As in run-bench.sh, all of it runs inside `unshare -m` with
# /sys/fs/cgroup/unified unmounted there (crun 1.8.1 refuses hybrid hosts). Usage:
# bench/exec-bench.sh [RUNS] (default 30). Needs root.
set -euo pipefail

runs=${1:-30}
. "$(dirname "$0")/common.sh"
check_tools exec-bench

work=$(mktemp -d /tmp/gomini-exec-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
make_bundle "$work/bundle" '"sleep", "1000"'

cat > "$work/inner.sh" <<'INNER'
set -eu
umount /sys/fs/cgroup/unified 2>/dev/null || true
gomini=$1 bundle=$2 runs=$3 out=$4
id=xb-$$
rt() { case $1 in gomini) shift; "$gomini" --root "$out/state-gomini" "$@" ;; *) r=$1; shift; $r --root "$out/state-$r" "$@" ;; esac; }
for r in gomini runc crun; do rt $r run -d --bundle "$bundle" $id-$r </dev/null >/dev/null 2>&1; done
for r in gomini runc crun; do rt $r exec $id-$r /bin/true >/dev/null; done   # warm the page cache
for i in $(seq 1 "$runs"); do
    for r in gomini runc crun; do
        start=$EPOCHREALTIME
        rt $r exec $id-$r /bin/true >/dev/null
        end=$EPOCHREALTIME
        echo "$r $(( (${end/./} - ${start/./}) ))" >> "$out/times"
    done
done
for r in gomini runc crun; do rt $r delete -f $id-$r >/dev/null 2>&1 || rt $r delete --force $id-$r >/dev/null 2>&1 || true; done
INNER
unshare -m bash "$work/inner.sh" "$gomini" "$work/bundle" "$runs" "$work"

median() { grep "^$1 " "$work/times" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
g=$(median gomini); r=$(median runc); c=$(median crun)
printf '%-8s %12s\n' runtime "exec median (ms)"
for rt in gomini runc crun; do printf '%-8s %12.2f\n' $rt "$(echo "$(median $rt) / 1000" | bc -l)"; done
echo "runs: $runs each, alternating, exec /bin/true into a running container of runc's default spec"
printf 'GoMini/crun: %.2fx   GoMini/runc: %.2fx\n' "$(echo "$g / $c" | bc -l)" "$(echo "$g / $r" | bc -l)"
