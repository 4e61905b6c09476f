n = 0
while True:
    n = n + 1
    if n == 4:
        break
print(n)
