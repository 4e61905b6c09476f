def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0
def first_neg(xs):
    for x in xs:
        if x < 0:
            return x
print([sign(v) for v in [-3, 0, 5]], first_neg([1, -2, -3]), first_neg([1]))
