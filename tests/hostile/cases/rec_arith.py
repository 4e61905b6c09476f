# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def f(n):
    return f(n + 1) + 1
f(0)
