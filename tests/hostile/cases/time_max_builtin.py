# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
m = max(range(10**15))
