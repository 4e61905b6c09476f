#!/usr/bin/env python3
"""Compare monty's parser with CPython's ast over CPython's standard library.

For every .py file under sysconfig.get_paths()["stdlib"] of the CPython used
to run this script (use 3.13) that CPython itself parses, runs
`monty parse FILE --ast` (or the dev driver monty_parse_dump) and compares
its output byte for byte with ast.dump(ast.parse(source)).

usage: parse_compare.py [--bin PATH] [--attrs] [--limit N] [--show N] [-k SUBSTR] [ROOT]
--attrs compares locations too (ast.dump(..., include_attributes=True); needs
the dev driver, which has the matching --attrs flag).
Prints counts: files, identical, different, monty errors, crashes.
Exit status 0 when every file parses and >= 99% are identical.
"""
import argparse
import ast
import os
import subprocess
import sys
import sysconfig
import warnings


def find_bin(explicit):
    if explicit:
        # the monty command itself: `monty parse --ast FILE` (no --attrs there)
        if os.path.basename(explicit) == "monty":
            return [explicit, "parse", "--ast"]
        return [explicit]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    for build in ("build", "build-fe"):
        for cand in (os.path.join(root, build, "monty_parse_dump"),
                     os.path.join(os.path.dirname(root), build, "monty_parse_dump")):
            if os.path.exists(cand):
                return [cand]
    sys.exit("monty_parse_dump not found: pass --bin")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin")
    ap.add_argument("--attrs", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("-k", default="")
    ap.add_argument("root", nargs="?", default=sysconfig.get_paths()["stdlib"])
    args = ap.parse_args()
    cmd = find_bin(args.bin)
    files = []
    for d, _, names in os.walk(args.root):
        for n in sorted(names):
            if n.endswith(".py"):
                p = os.path.join(d, n)
                if args.k in p:
                    files.append(p)
    files.sort()
    if args.limit:
        files = files[:args.limit]
    stats = {"files": 0, "same": 0, "diff": 0, "error": 0, "crash": 0, "skipped": 0}
    shown = 0
    warnings.simplefilter("ignore")
    for p in files:
        try:
            with open(p, "rb") as f:
                src = f.read()
            expected = ast.dump(ast.parse(src), include_attributes=args.attrs)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
            stats["skipped"] += 1
            continue
        stats["files"] += 1
        r = subprocess.run(cmd + (["--attrs"] if args.attrs else []) + [p], capture_output=True)
        out = r.stdout.decode("utf-8", "surrogateescape").rstrip("\n")
        if r.returncode not in (0, 1):
            stats["crash"] += 1
            kind = "CRASH rc=%d" % r.returncode
        elif r.returncode == 1:
            stats["error"] += 1
            kind = "ERROR " + out[:200]
        elif out == expected:
            stats["same"] += 1
            continue
        else:
            stats["diff"] += 1
            i = next((k for k in range(min(len(out), len(expected)))
                      if out[k] != expected[k]), min(len(out), len(expected)))
            kind = "DIFF at %d:\n  monty:   ...%s\n  cpython: ...%s" % (
                i, out[max(0, i - 80):i + 80], expected[max(0, i - 80):i + 80])
        if shown < args.show:
            print("%s: %s" % (p, kind))
            shown += 1
    n = max(stats["files"], 1)
    print("files=%(files)d identical=%(same)d different=%(diff)d errors=%(error)d "
          "crashes=%(crash)d skipped(cpython rejects)=%(skipped)d" % stats)
    print("identical: %.2f%%" % (100.0 * stats["same"] / n))
    ok = stats["error"] == 0 and stats["crash"] == 0 and stats["same"] >= 0.99 * n
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
