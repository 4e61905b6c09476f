def square(x):
    return x * x
print([square(x) for x in range(5)], [square(square(x)) for x in range(3)])
print([str(x).zfill(3) for x in [1, 22, 333]])
print([len(s.split()) for s in ["a b", "c", "", "d e f"]])
