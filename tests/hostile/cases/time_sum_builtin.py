# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
s = sum(range(10**15))
