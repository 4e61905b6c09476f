# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
x = 2 ** 10**10
