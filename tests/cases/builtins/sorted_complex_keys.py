data = [{"name": "b", "score": 90, "age": 30}, {"name": "a", "score": 90, "age": 25}, {"name": "c", "score": 75, "age": 35}]
print([d["name"] for d in sorted(data, key=lambda d: (-d["score"], d["name"]))])
print([d["name"] for d in sorted(data, key=lambda d: d["age"], reverse=True)])
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: t[1]))
print(sorted(["10", "9", "100", "1"], key=int), sorted(["10", "9", "100", "1"]))
