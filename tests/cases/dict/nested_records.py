users = [
    {"name": "ann", "tags": ["admin", "dev"], "meta": {"age": 31}},
    {"name": "bob", "tags": ["dev"], "meta": {"age": 25}},
    {"name": "cy", "tags": [], "meta": {}},
]
by_tag = {}
for u in users:
    for t in u["tags"]:
        by_tag.setdefault(t, []).append(u["name"])
print(by_tag)
ages = {u["name"]: u["meta"].get("age", "?") for u in users}
print(ages)
print(sorted(users, key=lambda u: u["meta"].get("age", 0))[0]["name"])
