import json
raw = http_get("https://api.example.com/items?page=1")
doc = json.loads(raw)
names = [it["name"] for it in doc["items"] if it["stock"] > 0]
print(names, doc["next"])
save_json("in_stock", json.dumps({"names": names, "count": len(names)}))
print("saved")
