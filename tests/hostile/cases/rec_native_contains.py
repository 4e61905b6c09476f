# expect: RecursionError
# args: --max-memory 256MB --max-duration 10
# a million-deep container: native recursion (repr, hash, compare) must stop
# with RecursionError, never overflow the C stack
x = None
y = None
for _ in range(1000000):
    x = [x]
    y = [y]
print(x in [y])
