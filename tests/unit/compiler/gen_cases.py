#!/usr/bin/env python3
"""Regenerates cases.h: compiler test snippets with their ASTs as JSON (from
CPython 3.13's ast module, so the compiler tests do not depend on monty's
parser) and, for the error snippets, CPython's SyntaxError message and
position. Run with CPython 3.13:

    /root/.pyenv/versions/3.13.0/bin/python3 tests/unit/compiler/gen_cases.py
"""
import ast
import json
import os
import sys

OK = {
    "basics": "x = 1\ny = x + 2 * 3\nprint(x, y, sep='-', end='')\nx\n",
    "control": (
        "t = 0\nfor i in range(10):\n    if i % 2:\n        continue\n    elif i > 7:\n"
        "        break\n    t += i\nelse:\n    t = -1\nwhile t > 0:\n    t -= 3\n"
        "    if t == 1: break\nelse:\n    pass\nt\n"),
    "functions": (
        "def f(a, b=2, /, c=3, *args, d, e=5, **kw):\n    return a + b + c + d + e\n"
        "def g(*a, **k):\n    return f(*a, **k, d=4)\n"
        "h = lambda x, *, y=1: x * y\n"
        "@dec1\n@dec2(1)\ndef deco(): pass\n"
        "g(1, 2, 3, *[4], e=6, **{'z': 1})\n"),
    "closures": (
        "def outer(n):\n    total = 0\n    def add(k):\n        nonlocal total\n"
        "        total += k + n\n        return total\n    return add\n"
        "def counter():\n    count = [0]\n    def inc(): count[0] += 1; return count[0]\n"
        "    return inc\n"
        "def param_cell(x):\n    return lambda: x\n"),
    "comprehensions": (
        "a = [x * y for x in range(3) if x for y in range(x)]\n"
        "b = {k: v for k, v in zip('ab', 'cd')}\n"
        "c = {x for x in a}\n"
        "d = list(q + 1 for q in a)\n"
        "def f(xs):\n    return [y for x in xs if (y := x * 2) > 2], y\n"
        "e = [[i for i in range(j)] for j in range(3)]\n"),
    "generators": (
        "def gen(n):\n    for i in range(n):\n        got = yield i\n        if got:\n"
        "            return got\n    yield from range(2)\n    x = yield\n    return x\n"),
    "exceptions": (
        "def f(xs):\n    for x in xs:\n        try:\n            if x == 1:\n"
        "                continue\n            if x == 2:\n                break\n"
        "            if x == 3:\n                return x\n        finally:\n"
        "            print('fin')\n            for y in xs:\n                try:\n"
        "                    return y\n                finally:\n                    print(1)\n"
        "    else:\n        return 0\n    while True:\n        try:\n            try:\n"
        "                raise ValueError('v') from None\n            except ValueError as e:\n"
        "                return e\n            except (TypeError, KeyError):\n"
        "                raise\n            except:\n                pass\n"
        "            else:\n                pass\n            finally:\n                break\n"
        "        except Exception:\n            continue\n    return 5\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError as err:\n    print(err)\n"
        "finally:\n    print('done')\n"
        "assert f, 'msg'\nassert f\n"),
    "targets": (
        "a, *b, c = [1, 2, 3, 4]\n[x, (y, z)] = 1, (2, 3)\nobj.attr += 1\nlst[0] += 2\n"
        "lst[1:2] = [5]\nd = e = f = 0\ndel a, b[0], obj.attr\nw = (yy := 3) and 1 < x < 3\n"
        "s = lst[::2], lst[1:], lst[:-1]\nt = (1, 2, (3, 'x'), None, -4, -2.5)\n"),
    "strings": (
        "name = 'x'\nv = 3.14159\ns = f'{name!r:>{10}} {v:.2f} {v=} {{}}'\n"
        "b = b'bytes' + b''\nbig = 123456789012345678901234567890\nc = 2j\n"),
    "imports": (
        "'''doc'''\nfrom __future__ import annotations\nimport os.path\nimport a.b.c as d\n"
        "from m import n as o, p\nfrom . import q\nfrom math import *\n"),
    "scopes": (
        "g = 1\ndef f():\n    global g\n    g = 2\n    def h():\n        return g\n"
        "    return h\n"
        "def annotated(x: int, *, y: 'str' = 'a') -> list[int]:\n    z: int = 1\n"
        "    w: int\n    return [x, y, z]\n"),
    "docstrings": (
        "def f(x):\n    \"\"\"Doubles x.\"\"\"\n    return x * 2\n"
        "def g():\n    'only a docstring'\n"
        "def h():\n    x = 'not a docstring'\n    return x\n"),
    "folding": (
        "a = 60 * 60\nb = 'ab' + 'cd'\nc = 'x' * 5000\nd = 1 // 0\ne = 2 ** 64\n"
        "f = -7 // 2 % 5 << 2\n"),
    "conditions": (
        "x = None\nif x is None and not (x or y):\n    pass\nelif x is not None:\n    pass\n"
        "r = 1 if x else 2\nwhile not x:\n    x = 1\nif 0:\n    dead()\nwhile True:\n"
        "    break\n"),
}

ERRORS = [
    "return 1",
    "x = 1\nbreak",
    "continue",
    "def f():\n    x = 1\n    global x",
    "def f():\n    print(x)\n    global x",
    "def f(x):\n    global x",
    "def f():\n    nonlocal x",
    "nonlocal x",
    "def f():\n    def g():\n        nonlocal y\n    return g",
    "def f(a, a): pass",
    "yield 1",
    "[(yield x) for x in y]",
    "a, *b, *c = d",
    "*a = b",
    "x = *a",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
    "def f():\n    from m import *",
    "[i := 0 for i in range(3)]",
    "def f():\n    x: int = 1\n    global x",
    "x = 1\nfrom __future__ import annotations",
    "from __future__ import braces",
    "from __future__ import nested_scopes, spam",
    "".join("    " * i + "for i%d in y:\n" % i for i in range(22)) + "    " * 22 + "pass\n",
    "while 1:\n" + "".join("    " * (i + 1) + "try:\n" for i in range(21)) + "    " * 22
    + "pass\n" + "".join("    " * (21 - i) + "finally:\n" + "    " * (22 - i) + "pass\n"
                          for i in range(21)),
    "for x in y:\n    def g():\n        break",
]

UNSUPPORTED = [
    ("class A: pass", "monty does not support class definitions yet"),
    ("with a: pass", "monty does not support the with statement yet"),
    ("async with a: pass", "monty does not support async with yet"),
    ("match x:\n    case 1: pass", "monty does not support the match statement yet"),
]


def conv(n):
    if isinstance(n, ast.AST):
        d = {"_": type(n).__name__}
        for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(n, a):
                d[a] = getattr(n, a)
        for f in n._fields:
            v = getattr(n, f)
            if isinstance(n, ast.Constant) and f == "value":
                if v is None or v is True or v is False or v is Ellipsis:
                    d["k"] = repr(v)
                elif isinstance(v, int):
                    if -2**63 <= v < 2**63:
                        d["k"], d["v"] = "int", str(v)
                    else:
                        d["k"], d["v"] = "big", str(v)
                elif isinstance(v, float):
                    d["k"], d["v"] = "float", repr(v)
                elif isinstance(v, complex):
                    d["k"], d["v"] = "complex", repr(v.imag)
                elif isinstance(v, str):
                    d["k"], d["v"] = "str", v
                else:
                    d["k"], d["v"] = "bytes", v.decode("latin-1")
                continue
            if f == "kind":
                continue
            d[f] = conv(v)
        return d
    if isinstance(n, list):
        return [conv(x) for x in n]
    return n


def c_str(s):
    return json.dumps(s, ensure_ascii=True)


def main():
    out = ["/* Generated by gen_cases.py from CPython 3.13's ast module: do not edit. */", ""]
    out.append("static const struct OkCase { const char *name, *src, *ast; } OK_CASES[] = {")
    for name, src in OK.items():
        compile(src, name, "exec")
        out.append("    {%s, %s,\n     %s}," % (c_str(name), c_str(src),
                                              c_str(json.dumps(conv(ast.parse(src))))))
    out.append("};")
    out.append("")
    out.append("static const struct ErrCase { const char *src, *ast, *type, *msg; "
               "int lineno, col; } ERR_CASES[] = {")
    for src in ERRORS:
        try:
            compile(src, "t.py", "exec")
            sys.exit("expected an error: %r" % src)
        except SyntaxError as e:
            out.append("    {%s, %s, \"SyntaxError\", %s, %d, %d}," % (
                c_str(src), c_str(json.dumps(conv(ast.parse(src)))), c_str(e.msg),
                e.lineno, e.offset))
    for src, msg in UNSUPPORTED:
        out.append("    {%s, %s, \"NotImplementedError\", %s, 1, 1}," % (
            c_str(src), c_str(json.dumps(conv(ast.parse(src)))), c_str(msg)))
    out.append("};")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.h")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
