def validate(order):
    if order["qty"] <= 0:
        raise ValueError(f"invalid quantity {order['qty']} for order {order['id']}")
validate({"id": 1, "qty": 3})
print("first ok")
validate({"id": 2, "qty": 0})
