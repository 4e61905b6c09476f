# expect: AttributeError
# args: --max-memory 32MB --max-duration 2
def g():
    yield 1
g().gi_frame
