#!/usr/bin/env python3
"""Record (or --verify) the expected AST dumps of the front end's unit test.

tests/unit/grammar/dump_cases.txt holds cases:
    ### name
    <source lines>
    >>> <ast.dump(ast.parse(source)) from CPython 3.13>
This script recomputes every '>>>' line with the CPython running it
(use /root/.pyenv/versions/3.13.0/bin/python3) and rewrites the file; with
--verify it only checks that the file is up to date.
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(os.path.dirname(HERE), "tests", "unit", "grammar", "dump_cases.txt")


def main():
    verify = "--verify" in sys.argv
    with open(PATH, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    src = None
    for line in lines:
        if line.startswith("### "):
            src = []
            out.append(line)
        elif line.startswith(">>> ") or line == ">>>":
            text = "\n".join(src) + "\n"
            out.append(">>> " + ast.dump(ast.parse(text)))
            src = None
        else:
            if src is not None:
                src.append(line)
            out.append(line)
    new = "\n".join(out)
    old = "\n".join(lines)
    if verify:
        if new != old:
            print("dump_cases.txt is out of date")
            return 1
        print("dump_cases.txt up to date")
        return 0
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
