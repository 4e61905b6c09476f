it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
it = iter("ab")
print(list(it), list(it))
d = iter({"k": 1, "j": 2})
print(next(d), next(d))
