#!/bin/sh
# Short seeded libFuzzer runs for CI (.ci/run via tools/test.sh): builds every
# fuzz target with clang (-DMONTY_FUZZ=ON) and runs each briefly from its
# seeds (FUZZ_SECONDS each, default 30). A crash, leak or timeout fails the
# run. Long campaigns: see the header of each tools/fuzz/fuzz_*.c.
set -eu
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-30}
CC=clang cmake -S . -B build-fuzz -DMONTY_FUZZ=ON -DMONTY_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for src in tools/fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    cmake --build build-fuzz -j"$(nproc)" --target "$t" >/dev/null 2>&1 || continue
    bin=build-fuzz/tools/$t
    [ -x "$bin" ] || bin=build-fuzz/$t
    [ -x "$bin" ] || continue
    work=$(mktemp -d)
    case $t in
    fuzz_parse)
        seeds="tests/syntax tests/cases"
        extra="-dict=tools/fuzz/fuzz_parse.dict -max_len=2048"
        ;;
    fuzz_checker)
        seeds="tests/checker"
        extra="-max_len=4096"
        ;;
    fuzz_snapshot)
        # Seeds: real paused runs and .mbc programs, made by build/monty,
        # plus the inputs that once crashed the VM (tests/snapshot/hostile/).
        seeds=""
        extra="-dict=tools/fuzz/fuzz_snapshot.dict"
        cp tests/snapshot/hostile/*.snap tests/snapshot/hostile/*.mbc "$work/" 2>/dev/null || true
        ex=tools/example
        if [ -x build/monty ]; then
            build/monty start "$ex/agent.py" --stubs "$ex/tools.pyi" \
                --state "$work/agent.snap" >/dev/null 2>&1 || true
            build/monty compile "$ex/agent.py" --stubs "$ex/tools.pyi" \
                -o "$work/agent.mbc" >/dev/null 2>&1 || true
            for py in tests/cases/external/*.py; do
                [ -f "${py%.py}.pyi" ] || continue
                build/monty start "$py" --stubs "${py%.py}.pyi" --no-check \
                    --state "$work/$(basename "$py" .py).snap" >/dev/null 2>&1 || true
            done
        fi
        ;;
    *)
        seeds=""
        [ -d "tools/fuzz/corpus_$t" ] && seeds="tools/fuzz/corpus_$t"
        extra=""
        ;;
    esac
    # shellcheck disable=SC2086
    find $seeds -type f -name '*.py' 2>/dev/null | head -2000 | while read -r f; do
        cp "$f" "$work/$(echo "$f" | tr '/' '_')"
    done
    echo "fuzz: $t for ${secs}s"
    # shellcheck disable=SC2086
    "$bin" $extra -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/" "$work" >"$work.log" 2>&1 || {
        tail -40 "$work.log"
        echo "fuzz: $t failed (artifacts in $work)"
        exit 1
    }
    tail -1 "$work.log"
    rm -rf "$work" "$work.log"
done
