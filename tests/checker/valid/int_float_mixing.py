total = 0
count = 0
for p in [get_price("a"), get_price("b")]:
    total += p
    count += 1
avg = total / count if count else 0
print(f"{avg:.2f}", total // 2, total % 1)
