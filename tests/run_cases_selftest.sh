#!/bin/sh
# Self-test of run_cases: a fake `monty` (this script's plain-mode stand-in) replays recorded
# or deliberately wrong output for a few generated cases, and every verdict of the runner is
# checked: PASS, FAIL with a diff, XFAIL, XPASS, exception mismatch, -k, --mark-xfail and
# --update-xfail. usage: run_cases_selftest.sh PATH/TO/run_cases
set -eu
runner=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/cases/a"
cat > "$tmp/monty" <<'FAKE'
#!/bin/sh
# fake monty: `run FILE` prints FILE's .fake (else .stdout) and raises its .fakeexc (else .exc)
# (a marked case is run from a copy elsewhere: find the recorded files by base name)
[ "$1" = run ] || exit 2
base=$SELFTEST_CASES/a/$(basename "$2" .py)
if [ -f "$base.fake" ]; then cat "$base.fake"; else cat "$base.stdout"; fi
exc=
if [ -f "$base.fakeexc" ]; then exc=$base.fakeexc; elif [ -f "$base.exc" ]; then exc=$base.exc; fi
if [ -n "$exc" ]; then
    echo "Traceback (most recent call last):" >&2
    cat "$exc" >&2
    exit 1
fi
exit 0
FAKE
chmod +x "$tmp/monty"
c=$tmp/cases/a
printf 'print("hi")\n' > "$c/pass.py";  printf 'hi\n' > "$c/pass.stdout"
printf 'print("x")\n' > "$c/fail.py";   printf 'x\n' > "$c/fail.stdout"
printf 'wrong\n' > "$c/fail.fake"
printf 'raise ValueError("bad")\n' > "$c/exc.py"; : > "$c/exc.stdout"
printf 'ValueError: bad\n' > "$c/exc.exc"
printf '# xfail: known gap\nprint("y")\n' > "$c/xf.py"; printf 'y\n' > "$c/xf.stdout"
printf 'z\n' > "$c/xf.fake"
printf 'print(1)\n' > "$c/wrongexc.py"; printf '1\n' > "$c/wrongexc.stdout"
printf 'NameError: name '"'"'print'"'"' is not defined\n' > "$c/wrongexc.fakeexc"

fail() { echo "run_cases_selftest: $*"; echo "--- runner output:"; cat "$tmp/out"; exit 1; }
export SELFTEST_CASES="$tmp/cases"
run() {
    set +e
    "$runner" --monty "$tmp/monty" --cases "$tmp/cases" "$@" > "$tmp/out" 2>&1
    rc=$?
    set -e
}
expect() { grep -qF -- "$1" "$tmp/out" || fail "expected '$1' in the output"; }

run
[ "$rc" = 1 ] || fail "exit status $rc with failures, expected 1"
expect "FAIL  a/fail [plain]: stdout line 1: expected 'x', got 'wrong'"
expect "+wrong"
expect "FAIL  a/wrongexc [plain]: monty: NameError: name 'print' is not defined"
expect "PASS 2  FAIL 2  XFAIL 1  XPASS 0  ERROR 0"
expect "cases: 2 passed, 2 failed, 1 skipped"

run -k pass
[ "$rc" = 0 ] || fail "exit status $rc for a passing selection"
expect "cases: 1 passed, 0 failed, 0 skipped"

rm "$c/xf.fake"
run -k xf
[ "$rc" = 1 ] || fail "XPASS must fail (exit status $rc)"
expect "XPASS a/xf"
run -k xf --update-xfail
[ "$rc" = 0 ] || fail "exit status $rc after --update-xfail"
head -n 1 "$c/xf.py" | grep -q '^print("y")$' || fail "--update-xfail did not remove the marker"

run --mark-xfail
head -n 1 "$c/fail.py" | grep -qF "# xfail: stdout line 1: expected 'x', got 'wrong'" ||
    fail "--mark-xfail did not add the marker with the mismatch"
head -n 1 "$c/wrongexc.py" | grep -qF "# xfail: monty: NameError: name 'print' is not defined" ||
    fail "--mark-xfail reason for an unexpected exception"
run
[ "$rc" = 0 ] || fail "exit status $rc once failures are marked"
expect "cases: 3 passed, 0 failed, 2 skipped"

# A marker about sanitizer builds only: ignored in a plain run, strict with --sanitizer.
printf '# xfail: asan: heap-use-after-free\nprint("hi")\n' > "$c/san.py"
printf 'hi\n' > "$c/san.stdout"
run -k san
[ "$rc" = 0 ] || fail "an asan-only marker must not fail a plain run (exit status $rc)"
expect "cases: 1 passed, 0 failed, 0 skipped"
run -k san --sanitizer
[ "$rc" = 1 ] || fail "an asan-only marker on a passing case must XPASS with --sanitizer"
expect "XPASS a/san"
printf 'wrong\n' > "$c/pass.fake"
run -k pass --sanitizer --mark-xfail
head -n 1 "$c/pass.py" | grep -qF "# xfail: asan: stdout line 1" ||
    fail "--mark-xfail --sanitizer must write an asan: marker"
echo "run_cases_selftest: 1 passed, 0 failed"
