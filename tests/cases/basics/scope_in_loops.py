total = 0
for i in range(3):
    inner = i * 2
    total += inner
print(i, inner, total)
if True:
    created_in_if = "visible"
print(created_in_if)
while total > 0:
    last = total
    total -= 4
print(last, total)
