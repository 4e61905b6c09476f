#!/bin/sh
# Re-derives every xfail marker of tests/cases from scratch: removes them all, marks what fails
# with the plain build, then marks what fails only under the sanitizer build (`asan:` markers),
# and checks that both builds then run green. Commit the changed case files afterwards.
# usage: tests/refresh_xfail.sh [BUILD_DIR [ASAN_BUILD_DIR]]   (defaults: build build-asan)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
asan=${2:-build-asan}
grep -rl '^# xfail:' tests/cases --include='*.py' | while read -r f; do
    sed -i '1{/^# xfail:/d}' "$f"
done
"$build/run_cases" --monty "$build/monty" --cases tests/cases --mark-xfail | tail -n 1
if [ -x "$asan/monty" ]; then
    ASAN_OPTIONS=detect_leaks=1 "$asan/run_cases" --monty "$asan/monty" --cases tests/cases \
        --sanitizer --mark-xfail | tail -n 1
fi
"$build/run_cases" --monty "$build/monty" --cases tests/cases --summary | tail -n 14
if [ -x "$asan/monty" ]; then
    ASAN_OPTIONS=detect_leaks=1 "$asan/run_cases" --monty "$asan/monty" --cases tests/cases \
        --sanitizer | tail -n 1
fi
