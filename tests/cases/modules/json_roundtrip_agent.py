import json
raw = '{"items": [{"sku": "A1", "qty": 2, "price": 3.5}, {"sku": "B2", "qty": 1, "price": 10}], "currency": "EUR"}'
doc = json.loads(raw)
total = sum(i["qty"] * i["price"] for i in doc["items"])
doc["total"] = total
doc["items"].sort(key=lambda i: i["price"], reverse=True)
print(json.dumps(doc))
print(json.dumps(doc, indent=1, sort_keys=True))
print(json.dumps({"a": [1, {"b": None}]}, separators=(",", ":")))
