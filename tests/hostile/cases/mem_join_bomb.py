# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = 'x' * 10**6
t = ''.join([s] * 1000)
