# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def f(x):
    return list(map(f, [x]))
f(1)
