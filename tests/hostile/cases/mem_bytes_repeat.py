# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
b = b'xy' * 10**9
