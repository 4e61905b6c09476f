#!/usr/bin/env python3
"""Record (or verify) the expected output of every case in tests/cases/.

Each case tests/cases/<area>/<name>.py is run in CPython 3.13 with
PYTHONHASHSEED=0 and its results are written beside it:

  <name>.stdout  exact stdout bytes
  <name>.exc     only when an exception escaped: the last line of the
                 traceback, `Type: message` (or `Type`)
  <name>.calls   only for cases with <name>.pyi: one JSON object per host
                 call made, {"function": ..., "args": [...], "kwargs": {...}}
  <name>.traceback  only for cases in the traceback/ area: CPython's whole
                 stderr (the script run directly), each `File "..."` reduced to
                 the script's base name

A first line `# xfail: ...` is not part of the case: the script is recorded
(and run by run_cases) without it, so that markers never shift line numbers.

A case with a stub file <name>.pyi has each top-level def of the stub
injected as a Python function that records its call and answers with the
next entry of <name>.host.json: {"return": <json>} or
{"raise": {"type": "KeyError", "message": "..."}}.  When the answers run
out, the function raises RuntimeError("no canned answer left"). An
`async def` of the stub becomes a coroutine function whose call is recorded
and answered when the coroutine is awaited. A script with top-level `await`
is compiled with ast.PyCF_ALLOW_TOP_LEVEL_AWAIT and its module coroutine is
run with asyncio.run (as `python -m asyncio` does).

Usage:
  record_cases.py [--verify] [-k PATTERN]... [--python PY] [--seed N] [CASE_OR_DIR...]

--verify checks that the committed files match what CPython produces now
and changes nothing (exit 1 on any difference).
"""
import argparse
import concurrent.futures
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
PY313 = "/root/.pyenv/versions/3.13.0/bin/python3"

# Runs inside the recording interpreter: argv = [script, stubs|"", answers|"", calls_fd].
# Host calls are written to the fd given so that they never mix with the script's
# own stdout.
DRIVER = r'''
import ast, builtins, json, os, sys
path, stubs, answers, calls_fd = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ns = {"__name__": "__main__", "__builtins__": builtins}
if stubs:
    calls = os.fdopen(calls_fd, "w", encoding="utf-8")
    with open(stubs, encoding="utf-8") as f:
        tree = ast.parse(f.read(), stubs)
    queue = []
    if answers:
        with open(answers, encoding="utf-8") as f:
            queue = json.load(f)
    queue.reverse()

    def make(name):
        def host(*args, **kwargs):
            line = json.dumps({"function": name, "args": list(args),
                               "kwargs": kwargs}, ensure_ascii=False)
            calls.write(line + "\n")
            calls.flush()
            if not queue:
                raise RuntimeError("no canned answer left")
            ans = queue.pop()
            if "raise" in ans:
                exc = getattr(builtins, ans["raise"]["type"])
                # type(message), as monty.h documents, even for "".
                raise exc(ans["raise"].get("message", ""))
            return ans.get("return")
        host.__name__ = name
        return host

    def make_async(name):
        # an `async def` tool: its call is a coroutine; the host call (recorded and
        # answered) happens when it is awaited, as in monty (docs/async.md)
        host = make(name)

        async def ahost(*args, **kwargs):
            return host(*args, **kwargs)
        ahost.__name__ = ahost.__qualname__ = name
        return ahost

    for node in tree.body:
        if isinstance(node, ast.AsyncFunctionDef):
            ns[node.name] = make_async(node.name)
        elif isinstance(node, ast.FunctionDef):
            ns[node.name] = make(node.name)
with open(path, encoding="utf-8") as f:
    src = f.read()
if src.startswith("# xfail:"):
    src = src.split("\n", 1)[1] if "\n" in src else ""
# Top-level await (accepted by monty's scripts, docs/async.md) as `python -m asyncio`
# runs it: the module body is a coroutine driven by an event loop.
code = compile(src, os.path.basename(path), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
if code.co_flags & 0x80:  # CO_COROUTINE: the module awaits at top level
    import asyncio
    asyncio.run(eval(code, ns))
else:
    exec(code, ns)
'''


def find_python(explicit):
    if explicit:
        return explicit
    if os.access(PY313, os.X_OK):
        return PY313
    for name in ("python3.13", "python3"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("record_cases: no python3 found")


def collect(paths, patterns):
    found = []
    for p in paths or [CASES]:
        p = os.path.abspath(p)
        if os.path.isfile(p):
            found.append(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".py"):
                    found.append(os.path.join(root, f))
    if patterns:
        def keep(path):
            rel = os.path.relpath(path, CASES)
            return any((fnmatch.fnmatch(rel, k) if any(c in k for c in "*?[")
                        else k in rel) for k in patterns)
        found = [p for p in found if keep(p)]
    return sorted(found)


FILE_RE = re.compile(rb'File "(?:[^"]*/)?([^"/]*)"')


def normalize_traceback(err):
    """Reduce every `File "/some/dir/x.py"` of a traceback to `File "x.py"`."""
    return FILE_RE.sub(rb'File "\1"', err)


def record_traceback_case(py, path, env):
    """traceback/ cases run as `python3 name.py` so the traceback has no driver frames
    (from a copy without the xfail marker line, like every case)."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    if src.startswith("# xfail:"):
        src = src.split("\n", 1)[1] if "\n" in src else ""
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write(src)
        proc = subprocess.run([py, os.path.basename(path)], stdin=subprocess.DEVNULL,
                              capture_output=True, env=env, cwd=tmp, timeout=60)
    res = {".stdout": proc.stdout, ".exc": None, ".calls": None, ".traceback": None}
    if proc.returncode != 0:
        lines = [l for l in proc.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        res[".exc"] = ((lines[-1] if lines else "<no traceback>") + "\n").encode("utf-8")
        res[".traceback"] = normalize_traceback(proc.stderr)
    return res


def record_one(py, path, seed="0"):
    """Run one case; return {suffix: bytes or None} (None = no file)."""
    base = path[:-3]
    stubs = base + ".pyi" if os.path.exists(base + ".pyi") else ""
    answers = base + ".host.json" if stubs and os.path.exists(base + ".host.json") else ""
    env = dict(os.environ)
    env.update(PYTHONHASHSEED=seed, PYTHONIOENCODING="utf-8", PYTHONUTF8="1")
    env.pop("PYTHONSTARTUP", None)
    if os.path.basename(os.path.dirname(path)) == "traceback":
        return record_traceback_case(py, path, env)
    rfd, wfd = os.pipe()
    try:
        proc = subprocess.Popen([py, "-c", DRIVER, path, stubs, answers, str(wfd)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env,
                                cwd=os.path.dirname(path), pass_fds=(wfd,))
    finally:
        os.close(wfd)
    with os.fdopen(rfd, "rb") as calls_pipe:
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return {"error": "timeout in CPython"}
        calls = calls_pipe.read()
    res = {".stdout": out, ".exc": None, ".calls": calls if stubs else None}
    if proc.returncode != 0:
        lines = [l for l in err.decode("utf-8", "replace").splitlines() if l.strip()]
        last = lines[-1] if lines else "<no traceback>"
        res[".exc"] = (last + "\n").encode("utf-8")
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verify", action="store_true")
    ap.add_argument("-k", action="append", default=[], metavar="PATTERN")
    ap.add_argument("--python")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--seed", default="0",
                    help="PYTHONHASHSEED (use another seed with --verify to find cases "
                         "that depend on str hash order)")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    py = find_python(args.python)
    cases = collect(args.paths, args.k)
    if not cases:
        sys.exit("record_cases: no cases selected")

    def job(path):
        return path, record_one(py, path, args.seed)

    bad = written = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as ex:
        for path, res in ex.map(job, cases):
            rel = os.path.relpath(path, CASES)
            if "error" in res:
                print(f"ERROR {rel}: {res['error']}")
                bad += 1
                continue
            base = path[:-3]
            for suffix, data in res.items():
                target = base + suffix
                have = None
                if os.path.exists(target):
                    with open(target, "rb") as f:
                        have = f.read()
                if have == data:
                    continue
                if args.verify:
                    what = "missing" if have is None else (
                        "stale" if data is not None else "should not exist")
                    print(f"DIFF {rel}: {suffix} {what}")
                    bad += 1
                    continue
                if data is None:
                    os.remove(target)
                else:
                    with open(target, "wb") as f:
                        f.write(data)
                written += 1
    if args.verify:
        print(f"record_cases: {len(cases)} cases checked with {py}, {bad} out of date")
    else:
        print(f"record_cases: {len(cases)} cases recorded with {py}, {written} files changed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
