# expect: MemoryError
# args: --max-allocations 10000 --max-duration 2
l = [str(i) for i in range(10**6)]
