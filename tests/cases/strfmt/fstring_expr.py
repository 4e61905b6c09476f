items = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 0.1)]
for name, qty, price in items:
    print(f"{name:<10}{qty:>5}{price:>8.2f}{qty * price:>10.2f}")
print(f"{len(items)} items, total {sum(q * p for _, q, p in items):.2f}")
print(f"{'nested ' + 'expr'!r:>20}")
print(f"{3 + 4 = }", f"{items[0][0].upper()=}")
