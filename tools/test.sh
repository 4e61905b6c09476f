#!/bin/sh
# Quick start (2): install dependencies, build, and run the whole test suite,
# then run it again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
jobs=$(nproc)
tools/build.sh build
(cd build && ctest --output-on-failure -j"$jobs")
CC=clang tools/build.sh build-asan -DMONTY_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j"$jobs")
if [ -x tools/fuzz/ci-smoke.sh ]; then
    tools/fuzz/ci-smoke.sh
fi
echo "all tests passed"
