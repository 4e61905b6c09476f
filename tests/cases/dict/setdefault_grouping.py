pairs = [("fruit", "apple"), ("veg", "kale"), ("fruit", "fig"), ("nut", "pecan"), ("veg", "leek")]
groups = {}
for kind, name in pairs:
    groups.setdefault(kind, []).append(name)
for kind in sorted(groups):
    print(kind, ", ".join(sorted(groups[kind])))
print({k: len(v) for k, v in groups.items()})
