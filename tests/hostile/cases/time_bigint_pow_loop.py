# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
# Many medium powers: each one is short, the loop as a whole is not.
n = 0
while True:
    n += len(bin(3 ** 200000))
