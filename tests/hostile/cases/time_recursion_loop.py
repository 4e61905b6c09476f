# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
def f(n):
    if n == 0:
        return 0
    return f(n - 1)
while True:
    f(500)
