p = get_price("a")
print([x for x in p])  # expect: not-iterable
