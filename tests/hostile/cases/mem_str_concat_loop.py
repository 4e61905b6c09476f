# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
parts = []
s = 'y' * 100000
while True:
    parts.append(s + 'z')
