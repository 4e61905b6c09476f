# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
f = lambda: f()
f()
