#!/bin/sh
# Builds a minimal busybox root filesystem in DIR (default: examples/rootfs next to this script).
# Uses Debian's busybox-static (installed with apt-get when /bin/busybox is missing).
set -eu

dir=${1:-$(dirname "$0")/rootfs}

if [ ! -x /bin/busybox ]; then
    echo "make-rootfs: installing busybox-static" >&2
    apt-get install -y busybox-static >/dev/null
fi

mkdir -p "$dir/bin" "$dir/proc" "$dir/sys" "$dir/dev" "$dir/tmp" "$dir/etc" "$dir/root" "$dir/home/nobody"
chmod 1777 "$dir/tmp"
chmod 700 "$dir/root"
cp /bin/busybox "$dir/bin/busybox"

# One symlink per applet, like `busybox --install -s`, but into DIR/bin (never the host's).
for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] && continue
    [ -e "$dir/bin/$applet" ] || ln -s busybox "$dir/bin/$applet"
done

cat > "$dir/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/home/nobody:/bin/sh
PASSWD
cat > "$dir/etc/group" <<'GROUP'
root:x:0:
nobody:x:65534:
GROUP
echo "make-rootfs: busybox rootfs ready in $dir" >&2
