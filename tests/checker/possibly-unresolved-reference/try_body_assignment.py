try:
    price = get_price("A")
except Exception:
    log("failed")
print(price)  # expect: possibly-unresolved-reference "price"
