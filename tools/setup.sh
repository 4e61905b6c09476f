#!/bin/sh
# Installs what monty needs to build and test, from Debian packages only.
# Idempotent: when everything is already installed it does nothing.
set -eu
PKGS="build-essential cmake pkg-config re2c lemon libcjson-dev libpcre2-dev check \
libtommath-dev libutf8proc-dev clang libclang-rt-14-dev strace"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq $missing >/dev/null
fi
