# Shared by the benches that compare gomini with runc and crun (sourced, not run).
# check_tools NAME: root, bin/gomini built, runc and crun installed; sets $root and $gomini.
# make_bundle DIR ARGS: a busybox bundle in DIR with runc's default spec, made non-interactive,
# with an ociVersion crun 1.8.1 accepts, running ARGS (JSON array items, e.g. '"sleep", "1000"').
check_tools() {
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    gomini=${GOMINI:-$root/bin/gomini}
    [ "$(id -u)" = 0 ] || { echo "$1: needs root" >&2; exit 1; }
    [ -x "$gomini" ] || { echo "$1: $gomini missing; run 'make build' first" >&2; exit 1; }
    for tool in runc crun; do
        command -v $tool >/dev/null || { echo "$1: $tool missing (apt-get install $tool)" >&2; exit 1; }
    done
}

make_bundle() {
    "$root/examples/make-rootfs.sh" "$1/rootfs" 2>/dev/null
    (cd "$1" && runc spec)
    sed -i -e 's/"terminal": true/"terminal": false/' -e 's/"ociVersion": "[^"]*"/"ociVersion": "1.0.2"/' "$1/config.json"
    local args=${2//\//\\/}
    sed -i -e ':a;N;$!ba;s/"args": \[[^]]*\]/"args": [ '"$args"' ]/' "$1/config.json"
}
