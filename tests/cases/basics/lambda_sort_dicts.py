people = [{"n": "x", "a": 3}, {"n": "y", "a": 1}, {"n": "z", "a": 2}]
people.sort(key=lambda p: p["a"])
print([p["n"] for p in people])
print(sorted(people, key=lambda p: p["n"], reverse=True)[0])
