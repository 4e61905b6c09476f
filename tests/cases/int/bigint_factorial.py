r = 1
for i in range(1, 51):
    r *= i
print(r)
print(len(str(r)), r % 1000007, r // 10 ** 60)
