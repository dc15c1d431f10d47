#!/bin/sh
# Installs tsheet from this folder under PREFIX (default /usr/local): tsheet and tsheet-serve in PREFIX/bin, man pages,
# completions and documents under PREFIX/share. Then names any library the binary needs that is missing.
#   ./install.sh                 # into /usr/local (run as root, or with sudo)
#   PREFIX=$HOME/.local ./install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-/usr/local}
install -d "$prefix/bin" "$prefix/share"
install -m 0755 "$here/bin/tsheet" "$prefix/bin/tsheet"
install -m 0755 "$here/bin/tsheet-serve" "$prefix/bin/tsheet-serve"  # tsheet serve starts it from beside tsheet
cp -R "$here/share/." "$prefix/share/"
echo "tsheet installed in $prefix/bin; its man pages are in $prefix/share/man (try: man tsheet-log)"
if command -v ldd >/dev/null && ldd "$prefix/bin/tsheet" "$prefix/bin/tsheet-serve" | grep -q "not found"; then
    echo "tsheet needs libraries this system lacks; on Debian or Ubuntu install: $(cat "$here/share/doc/tsheet/DEPENDS")" >&2
    exit 1
fi
