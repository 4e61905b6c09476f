#!/usr/bin/env python3
"""Parse throughput: monty's front end beside CPython's ast.parse.

Loads every .py file of CPython's stdlib that CPython parses (same corpus as
tools/parse_compare.py), then in the same run:
  - CPython: ast.parse(source) for each file, in-process (best of --rounds);
  - monty:   monty_parse_dump --bench (parse_module only, timed in C with a
             monotonic clock; best of --rounds).
Prints bytes, seconds and MB/s for both, the ratio, and monty's arena bytes
per source byte (memory proportional to the source). Not a test.

usage: parse_bench.py [--bin PATH] [--rounds N] [--limit N]
Use a Release/RelWithDebInfo build for meaningful numbers.
"""
import argparse
import ast
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
import time
import warnings


def corpus(limit):
    root = sysconfig.get_paths()["stdlib"]
    files = []
    for d, _, names in os.walk(root):
        for n in sorted(names):
            if n.endswith(".py"):
                files.append(os.path.join(d, n))
    files.sort()
    out = []
    warnings.simplefilter("ignore")
    for p in files:
        with open(p, "rb") as f:
            src = f.read()
        try:
            ast.parse(src)
        except Exception:
            continue
        out.append((p, src))
        if limit and len(out) >= limit:
            break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    binp = args.bin or os.path.join(root, "build", "monty_parse_dump")
    if not os.path.exists(binp):
        sys.exit("no %s: pass --bin (build monty_parse_dump in Release)" % binp)
    files = corpus(args.limit)
    total = sum(len(s) for _, s in files)
    best_cpy = None
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _, src in files:
            ast.parse(src)
        dt = time.perf_counter() - t0
        best_cpy = dt if best_cpy is None else min(best_cpy, dt)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as lst:
        lst.write("\n".join(p for p, _ in files) + "\n")
    best_monty = None
    line = ""
    for _ in range(args.rounds):
        r = subprocess.run([binp, "--bench", "--list", lst.name], capture_output=True, text=True)
        line = r.stdout.strip().splitlines()[-1]
        secs = float(re.search(r"seconds=([0-9.]+)", line).group(1))
        best_monty = secs if best_monty is None else min(best_monty, secs)
    os.unlink(lst.name)
    mem = re.search(r"arena_bytes_per_source_byte=([0-9.]+) max=([0-9.]+)", line)
    errs = re.search(r"errors=(\d+)", line).group(1)
    print("corpus: %d files, %.1f MB (CPython %s stdlib)" % (len(files), total / 1e6,
                                                             sys.version.split()[0]))
    print("CPython ast.parse: %.3f s  %.2f MB/s" % (best_cpy, total / best_cpy / 1e6))
    print("monty parse_module: %.3f s  %.2f MB/s  (files monty rejected: %s)" % (
        best_monty, total / best_monty / 1e6, errs))
    print("ratio monty/CPython throughput: %.2fx" % (best_cpy / best_monty))
    if mem:
        print("monty arena: %s bytes per source byte on average, max %s (files > 4 KB)" % (
            mem.group(1), mem.group(2)))


if __name__ == "__main__":
    main()
