# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
a = any(x < 0 for x in range(10**15))
