# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def f(n):
    try:
        raise ValueError(n)
    except ValueError:
        f(n + 1)
f(0)
