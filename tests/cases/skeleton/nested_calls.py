def sq(x):
    return x * x
def sum_sq(a, b):
    return sq(a) + sq(b)
print(sum_sq(3, 4))
