raw = {"a": {"x": 1, "y": 2}, "b": {"x": 3, "y": 4}}
print({k: {ik: iv * 10 for ik, iv in v.items()} for k, v in raw.items()})
print({(k, ik): iv for k, v in raw.items() for ik, iv in v.items()})
print([v["x"] + v["y"] for v in raw.values()])
