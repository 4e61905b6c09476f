# expect: RecursionError
# args: --max-recursion 50 --max-memory 32MB --max-duration 2
def f(n):
    return 0 if n == 0 else f(n - 1)
f(100)
