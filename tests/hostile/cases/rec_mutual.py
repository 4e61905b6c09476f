# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def a():
    return b()
def b():
    return a()
a()
