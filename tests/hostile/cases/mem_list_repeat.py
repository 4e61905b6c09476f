# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
l = [0] * 10**9
