# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
l = list(range(10**9))
