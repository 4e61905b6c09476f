# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def outer():
    def inner():
        return inner()
    return inner()
outer()
