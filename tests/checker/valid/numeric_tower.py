total = 0
for o in get_orders(7):
    total += o.get("total", 0)
avg = total / 3
print(round(avg, 2), int(avg), abs(-avg), divmod(7, 2), 2 ** 10, 7 // 2, 7 % 3, -total)
print(convert(10, "USD", "EUR"), convert(amount=1.5, src="a", dst="b"))
print(math_like := 3.0 * 2)
