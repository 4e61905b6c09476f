tmpl = "Dear {name},\nYour order #{order_id} of {qty} item(s) totals ${total:.2f}.\n"
orders = [{"name": "Ann", "order_id": 17, "qty": 2, "total": 39.9}, {"name": "Bob", "order_id": 18, "qty": 1, "total": 5}]
for o in orders:
    print(tmpl.format(**o), end="")
print("%(name)s owes %(total).1f" % orders[0])
