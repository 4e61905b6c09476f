# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def g():
    yield from g()
list(g())
