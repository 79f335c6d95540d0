#!/bin/sh
# mk/deps.sh -- make sure the Debian packages sift builds and tests with are
# installed. Installs the missing ones with apt-get when it can (root, or sudo
# without a password); otherwise prints the exact command to run and fails.
# Usage: mk/deps.sh [--test]   (--test adds what `make test` needs)
set -u
pkgs="gcc make pkg-config liblua5.4-dev lua-lpeg-dev libcjson-dev libutf8proc-dev libedit-dev"
[ "${1:-}" = "--test" ] && pkgs="$pkgs lua-check clang-format"

missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

line="apt-get install -y$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "sift: missing packages:$missing (no apt-get here; install them with your package manager)" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo"
else
    echo "sift: missing packages:$missing" >&2
    echo "sift: run as root:  $line" >&2
    exit 1
fi
echo "sift: installing$missing" >&2
if ! { $run apt-get install -y $missing >&2 || { $run apt-get update >&2 && $run apt-get install -y $missing >&2; }; }; then
    echo "sift: could not install the packages; run:  ${run:+$run }$line" >&2
    exit 1
fi
