import json

data = json.loads(lookup("raw"))
for item in data["items"]:
    print(item["name"].upper(), item.get("price", 0) * 2)
