#!/bin/bash
# Compares `gomini run` with `runc run` and `crun run` on one bundle running /bin/true:
# alternating runs, medians, ratios, peak RSS. All three run inside `unshare -m` with
# /sys/fs/cgroup/unified unmounted there (crun 1.8.1 refuses hybrid cgroup hosts); the host
# keeps its mounts. Usage: bench/run-bench.sh [RUNS] (default 30). Needs root.
set -euo pipefail

runs=${1:-30}
. "$(dirname "$0")/common.sh"
check_tools run-bench
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null

work=$(mktemp -d /tmp/gomini-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
make_bundle "$work/bundle" '"/bin/true"'

cat > "$work/inner.sh" <<'INNER'
set -eu
umount /sys/fs/cgroup/unified 2>/dev/null || true
gomini=$1 bundle=$2 runs=$3 out=$4
run() { # runtime id
    case $1 in
        gomini) "$gomini" run --bundle "$bundle" "$2" ;;
        runc) runc run --bundle "$bundle" "$2" ;;
        crun) crun run --bundle "$bundle" "$2" ;;
    esac
}
for rt in gomini runc crun; do run $rt warm-$rt-$$ >/dev/null; done   # warm the page cache
for i in $(seq 1 "$runs"); do
    for rt in gomini runc crun; do
        start=$EPOCHREALTIME
        run $rt b-$rt-$i-$$ >/dev/null
        end=$EPOCHREALTIME
        echo "$rt $(( (${end/./} - ${start/./}) ))" >> "$out/times"
    done
done
for rt in gomini runc crun; do
    for i in 1 2 3 4 5; do
        case $rt in
            gomini) set -- "$gomini" run --bundle "$bundle" ;;
            *) set -- $rt run --bundle "$bundle" ;;
        esac
        /usr/bin/time -f %M -o "$out/rss-$rt-$i" "$@" r-$rt-$i-$$ >/dev/null
    done
done
INNER
unshare -m bash "$work/inner.sh" "$gomini" "$work/bundle" "$runs" "$work"

median() { grep "^$1 " "$work/times" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# /usr/bin/time: the largest peak RSS among the runtime and the children it waited for (its init).
peak() { cat "$work"/rss-$1-* | sort -n | tail -1; }
g=$(median gomini); r=$(median runc); c=$(median crun)
printf '%-8s %12s %14s\n' runtime "median (ms)" "peak RSS (KB)"
for rt in gomini runc crun; do
    m=$(median $rt)
    printf '%-8s %12.2f %14s\n' $rt "$(echo "$m / 1000" | bc -l)" "$(peak $rt)"
done
echo "runs: $runs each, alternating, /bin/true in runc's default spec"
printf 'GoMini/crun: %.2fx   GoMini/runc: %.2fx\n' "$(echo "$g / $c" | bc -l)" "$(echo "$g / $r" | bc -l)"
