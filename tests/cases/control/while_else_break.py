n = 10
while n > 0:
    n -= 3
    if n == 4:
        print("hit 4")
        break
else:
    print("no 4")
n = 10
while n > 0:
    n -= 4
else:
    print("exhausted", n)
