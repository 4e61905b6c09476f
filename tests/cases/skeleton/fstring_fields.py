name = "ann"
n = 3
print(f"{name} has {n} items")
print(f"{n + 1} next")
