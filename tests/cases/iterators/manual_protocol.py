it = iter([10, 20, 30])
total = 0
while True:
    try:
        v = next(it)
    except StopIteration:
        break
    total += v
print(total)
r = iter(range(3))
print(next(r), list(r))
e = enumerate("ab")
print(next(e), next(e), next(e, None))
z = zip([1, 2], "ab")
print(next(z), list(z))
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, "end"))
