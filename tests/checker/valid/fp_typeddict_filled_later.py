# A TypedDict started from a partial display and completed key by key is valid.
payload: User = {"id": 1}
payload["name"] = "ann"
payload["email"] = "ann@example.com"
print(payload["name"].upper())
order: Order = {}
order["items"] = ["a"]
order.update({"total": 2.5})
print(order)
