doc = {
    "users": [
        {"name": "ann", "roles": ["admin"], "profile": {"email": "ann@x.io", "langs": ["en", "fr"]}},
        {"name": "bob", "roles": [], "profile": {"email": None, "langs": ["de"]}},
        {"name": "cy", "roles": ["dev", "ops"], "profile": {}},
    ],
    "meta": {"count": 3, "next": None},
}
def walk(obj, path="$"):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, obj
leaves = list(walk(doc))
print(len(leaves))
for p, v in leaves:
    if v is None:
        print("null at", p)
emails = [u["profile"].get("email") or "<none>" for u in doc["users"]]
print(emails)
print(sorted({l for u in doc["users"] for l in u["profile"].get("langs", [])}))
