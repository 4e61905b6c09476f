# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
l = [i for i in range(10**9)]
