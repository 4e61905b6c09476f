# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
x = 0
while True:
    x += 1
