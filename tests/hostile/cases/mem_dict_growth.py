# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
d = {}
i = 0
while True:
    d[i] = i
    i += 1
