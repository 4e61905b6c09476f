# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
l = []
while True:
    l.append('x' * 1000)
