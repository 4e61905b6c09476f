for x in range(-2, 3):
    print(x, "pos" if x > 0 else "zero" if x == 0 else "neg")
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
