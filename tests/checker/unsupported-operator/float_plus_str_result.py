price = get_price("A")
print("$" + price)  # expect: unsupported-operator
