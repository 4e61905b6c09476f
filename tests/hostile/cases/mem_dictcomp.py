# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
d = {i: i for i in range(10**9)}
