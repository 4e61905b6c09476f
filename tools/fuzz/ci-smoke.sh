#!/bin/sh
# Short, seeded libFuzzer runs for CI (README quick start 2 runs this after the
# test suites): builds every fuzz target with clang into build-fuzz, seeds the
# snapshot fuzzer with real snapshots and .mbc files made by build/monty, the
# parser and checker fuzzers with the Python case files, and runs each for
# FUZZ_SECONDS (default 30; fuzz_snapshot twice that). Any crash, leak or
# timeout fails the script; the crashing input is left in build-fuzz/.
set -eu
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-30}
CC=clang tools/build.sh build-fuzz -DMONTY_FUZZ=ON -DMONTY_TESTS=OFF >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seeds for fuzz_snapshot: paused runs and compiled programs.
mkdir -p "$work/snap"
ex=tools/example
if [ -x build/monty ]; then
    build/monty start "$ex/agent.py" --stubs "$ex/tools.pyi" --state "$work/snap/agent.snap" \
        >/dev/null 2>&1 || true
    build/monty compile "$ex/agent.py" --stubs "$ex/tools.pyi" -o "$work/snap/agent.mbc" \
        >/dev/null 2>&1 || true
    n=0
    for py in tests/cases/external/*.py; do
        pyi=${py%.py}.pyi
        [ -f "$pyi" ] || continue
        n=$((n + 1))
        build/monty start "$py" --stubs "$pyi" --no-check --state "$work/snap/c$n.snap" \
            >/dev/null 2>&1 || true
        [ "$n" -lt 12 ] || break
    done
fi
# Seeds for the front-end fuzzers: a slice of the case files.
mkdir -p "$work/py"
find tests/cases -name '*.py' | sort | head -n 200 | while read -r f; do
    cp "$f" "$work/py/$(echo "$f" | tr '/' '_')"
done

run() {
    target=$1
    shift
    bin=$(find build-fuzz/ -name "$target" -type f -perm -u+x | head -n 1)
    [ -n "$bin" ] || return 0
    ran=$((ran + 1))
    echo "fuzz: $target for $2 s"
    "$bin" -seed=1 -max_total_time="$2" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build-fuzz/ "$1" >"$work/$target.log" 2>&1 || {
        tail -n 40 "$work/$target.log"
        echo "fuzz: $target FAILED (input saved in build-fuzz/)"
        exit 1
    }
}
ran=0
run fuzz_snapshot "$work/snap" $((secs * 2))
run fuzz_parse "$work/py" "$secs"
run fuzz_checker "$work/py" "$secs"
echo "fuzz: $ran passed, 0 failed"
