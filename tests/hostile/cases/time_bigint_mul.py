# expect: TimeoutError|MemoryError
# args: --max-memory 256MB --max-duration 1
x = 7
while True:
    x = x * 7
