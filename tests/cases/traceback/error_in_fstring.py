items = {"n": 3}
print(f"count={items['n']}")
print(f"missing={items['m']}")
