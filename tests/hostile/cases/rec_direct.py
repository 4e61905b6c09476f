# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def f():
    return f()
f()
