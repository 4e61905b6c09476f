# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
x = 'ab'
while True:
    x = x + x
