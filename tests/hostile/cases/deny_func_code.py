# expect: AttributeError
# args: --max-memory 32MB --max-duration 2
def f():
    pass
f.__code__
