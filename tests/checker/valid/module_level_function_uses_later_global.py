def total():
    return sum(PRICES.values())

PRICES = {"a": 1.0}
print(total())
