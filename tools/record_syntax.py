#!/usr/bin/env python3
"""Record (or --verify) the expected errors of tests/syntax/*.py.

Each tests/syntax/NAME.py is an invalid snippet. This script asks CPython
(run it with /root/.pyenv/versions/3.13.0/bin/python3) what ast.parse says
and writes tests/syntax/expected.txt, one line per snippet:
    NAME.py<TAB>Type<TAB>lineno<TAB>offset<TAB>message
(offset is SyntaxError.offset: 1-based, in characters). The unit test
tests/unit/grammar/test_parse.c compares monty against this file without
needing CPython.
"""
import ast
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(os.path.dirname(HERE), "tests", "syntax")


def record():
    lines = []
    for name in sorted(os.listdir(DIR)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(DIR, name), "rb") as f:
            src = f.read()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(src)
        except SyntaxError as e:
            msg = e.msg.replace("\t", " ").replace("\n", " ")
            lines.append("%s\t%s\t%s\t%s\t%s" % (name, type(e).__name__, e.lineno, e.offset, msg))
            continue
        except (ValueError, RecursionError, MemoryError) as e:
            lines.append("%s\t%s\t0\t0\t%s" % (name, type(e).__name__, e))
            continue
        sys.exit("%s: CPython accepts it; not an invalid snippet" % name)
    return "\n".join(lines) + "\n"


def main():
    text = record()
    path = os.path.join(DIR, "expected.txt")
    if "--verify" in sys.argv:
        with open(path, encoding="utf-8") as f:
            ok = f.read() == text
        print("expected.txt " + ("up to date" if ok else "is out of date"))
        return 0 if ok else 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("%d snippets" % text.count("\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
