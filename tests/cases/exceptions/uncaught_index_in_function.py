def get_third(xs):
    return xs[2]
print(get_third([1, 2, 3]))
print(get_third([1, 2]))
