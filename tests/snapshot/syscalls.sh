#!/bin/sh
# DESIGN.md contract 5: while a run executes, the VM makes no system calls but
# memory management and the monotonic clock. Runs syscall_probe under
# `strace -f` and checks every call between its two marker writes.
#   usage: syscalls.sh PROBE
set -eu
probe=$1
command -v strace >/dev/null || {
    echo "syscalls: strace missing (tools/setup.sh installs it)"
    exit 1
}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
strace -f -qq -o "$t/trace" "$probe" > "$t/out" 2> "$t/err" || {
    cat "$t/err"; echo "syscalls: probe failed"; exit 1; }
sed -n '/VM-BEGIN/,/VM-END/p' "$t/trace" | sed '1d;$d' \
    | sed -E 's/^[0-9]+ +//; s/\(.*//' | sort | uniq -c > "$t/calls"
allowed='^(brk|mmap|munmap|mremap|madvise|clock_gettime)$'
bad=$(awk '{print $2}' "$t/calls" | grep -Ev "$allowed" || true)
cat "$t/calls"
if [ -n "$bad" ]; then
    echo "syscalls: the VM made system calls it must not: $bad"
    exit 1
fi
grep -q . "$t/out" || { echo "syscalls: the probe printed nothing"; exit 1; }
echo "syscalls: 1 passed, 0 failed"
