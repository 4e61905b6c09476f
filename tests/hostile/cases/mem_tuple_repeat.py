# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
t = (1, 2) * 10**9
