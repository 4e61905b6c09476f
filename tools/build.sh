#!/bin/sh
# Configures and builds monty into build/ (or the directory given as $1 with
# extra CMake arguments after it). Idempotent: reruns only what changed.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
