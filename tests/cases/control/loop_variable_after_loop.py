for i in range(3):
    pass
print(i)
for i in []:
    pass
print(i)
for k, v in {"a": 1}.items():
    pass
print(k, v)
j = 0
while j < 3:
    j += 1
print(j)
