# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = set()
i = 0
while True:
    s.add(i)
    i += 1
