records = [{"n": "a", "g": 2}, {"n": "b", "g": 1}, {"n": "c", "g": 2}, {"n": "d", "g": 1}, {"n": "e", "g": 3}]
by_g = sorted(records, key=lambda r: r["g"])
print([r["n"] for r in by_g])
by_g_rev = sorted(records, key=lambda r: r["g"], reverse=True)
print([r["n"] for r in by_g_rev])
