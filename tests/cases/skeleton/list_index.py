xs = [10, 20, 30]
print(xs[0], xs[2], xs[-1])
xs[1] = 99
print(xs)
