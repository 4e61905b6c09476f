# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
def g():
    while True:
        yield 1
for x in g():
    pass
