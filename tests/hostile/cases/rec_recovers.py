# expect: ValueError
# args: --max-memory 32MB --max-duration 2
def f():
    return f()
try:
    f()
except RecursionError:
    pass
raise ValueError('after')
