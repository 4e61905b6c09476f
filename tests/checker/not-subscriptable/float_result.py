p = get_price("x")
print(p[0])  # expect: not-subscriptable
