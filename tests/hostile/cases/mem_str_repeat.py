# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = 'a' * 10**9
