names = ["a", "b", "c"]
ages = [1, 2]
for i, (n, a) in enumerate(zip(names, ages), start=10):
    print(i, n, a)
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", "cd", "ef")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(enumerate([])), list(enumerate("xy", -1)))
