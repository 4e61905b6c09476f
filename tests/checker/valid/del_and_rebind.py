cache = {"a": 1}
del cache["a"]
tmp = 5
del tmp
tmp = 6
print(cache, tmp)
