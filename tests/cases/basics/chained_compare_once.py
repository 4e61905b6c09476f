n = 0
def bump():
    global n
    n += 1
    return n
print(0 < bump() < 5, n)
print(1 < bump() == 2 < 3, n)
print(bump() > 100 > bump(), n)
