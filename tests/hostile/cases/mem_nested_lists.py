# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
x = []
while True:
    x = [x, x, x]
