p = get_price("A")
print(p.round(2))  # expect: unresolved-attribute
