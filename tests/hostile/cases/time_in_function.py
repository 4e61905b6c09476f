# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
def f():
    while True:
        pass
f()
