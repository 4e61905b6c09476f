# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
x = 3
while True:
    x = x * x
