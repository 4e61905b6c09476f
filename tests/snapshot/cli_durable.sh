#!/bin/sh
# Durable mode across processes, through the CLI: the example agent run by
# `monty start` + one `monty resume` process per call must print exactly what
# one uninterrupted run prints (example_host answering from the same file);
# one snapshot resumed twice with different answers forks; a signed snapshot
# needs its key; tampered snapshots are refused with exit status 2.
#   usage: cli_durable.sh BUILD_DIR EXAMPLE_DIR
set -eu
b=$1
ex=$2
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. uninterrupted (C host) vs durable (processes)
"$b/example_host" "$ex/agent.py" "$ex/tools.pyi" "$ex/answers.jsonl" 2>/dev/null \
    | grep -v '^\[host\]' > "$t/want" || fail "example_host failed"
"$b/monty" start "$ex/agent.py" --stubs "$ex/tools.pyi" --state "$t/s.snap" > "$t/step" \
    || fail "start failed"
: > "$t/got"
steps=0
while :; do
    grep -v '^{"type":' "$t/step" >> "$t/got" || true
    grep -q '^{"type":"call"' "$t/step" || break
    steps=$((steps + 1))
    ans=$(sed -n "${steps}p" "$ex/answers.jsonl" | sed 's/^{"return": \(.*\)}$/\1/')
    [ -n "$ans" ] || fail "ran out of answers"
    cp "$t/s.snap" "$t/s$steps.snap"
    "$b/monty" resume "$t/s.snap" --return "$ans" > "$t/step" || fail "resume $steps failed"
done
grep -q '^{"type":"complete"' "$t/step" || fail "no complete event"
[ "$steps" -eq 6 ] || fail "expected 6 calls, saw $steps"
cmp -s "$t/want" "$t/got" || { diff "$t/want" "$t/got"; fail "durable output differs"; }

# 2. fork: snapshot 1 (paused at the second call) resumed twice differently
"$b/monty" resume "$t/s1.snap" --return '{"temp": 30.0, "sky": "hot"}' | grep -q '"Lisbon"' \
    || fail "fork A"
"$b/monty" resume "$t/s1.snap" --raise 'KeyError:no such city' 2> "$t/err" && fail "fork B ran on"
tail -n 1 "$t/err" | grep -q "^KeyError: 'no such city'" || fail "fork B: $(tail -n 1 "$t/err")"

# 3. signed snapshots
printf 'k3y' > "$t/key"
printf 'other' > "$t/key2"
"$b/monty" start "$ex/agent.py" --stubs "$ex/tools.pyi" --state "$t/k.snap" --key-file "$t/key" \
    > /dev/null || fail "signed start"
rc=0; "$b/monty" resume "$t/k.snap" --return '{}' 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "unsigned load of a signed snapshot: exit $rc"
rc=0; "$b/monty" resume "$t/k.snap" --return '{}' --key-file "$t/key2" 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "wrong key accepted: exit $rc"
"$b/monty" resume "$t/k.snap" --return '{"temp": 1.0, "sky": "x"}' --key-file "$t/key" \
    > /dev/null || fail "right key refused"

# 4. tampered bytes: a clean error, exit 2
head -c 20 "$t/s1.snap" > "$t/trunc.snap"
rc=0; "$b/monty" resume "$t/trunc.snap" --return 1 2> "$t/err" || rc=$?
[ "$rc" -eq 2 ] || fail "truncated snapshot: exit $rc"
grep -q "cannot load" "$t/err" || fail "no message for a truncated snapshot"
echo "cli_durable: 1 passed, 0 failed"
