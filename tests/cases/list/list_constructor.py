print(list(), list("abc"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}))
print(list(x for x in range(3)), list(map(str, [1, 2])), list({3: 0}.items()))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
