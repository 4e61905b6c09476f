# expect: RecursionError
# args: --max-memory 256MB --max-duration 10
# a 200k-deep container: native recursion (repr, hash, compare) must stop
# with RecursionError, never overflow the C stack
x = None
y = None
for _ in range(200000):
    x = {"k": x}
    y = {"k": y}
print(x)
