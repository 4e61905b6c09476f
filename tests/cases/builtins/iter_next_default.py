it = iter(range(3))
print(next(it), next(it), next(it), next(it, "stop"))
print(list(iter([1, 2])), next(iter("xyz")), next(iter({"k": 1})))
