print(True and False, True or False, not True)
x = 5
print(x > 1 and x < 10, x < 1 or x > 4)
