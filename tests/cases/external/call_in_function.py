def total_price(ids):
    s = 0.0
    for i in ids:
        s += get_price(i)
    return s
print(total_price([1, 2, 3]))
