scores = {"ann": 90, "bob": 85, "cy": 90, "di": 70}
by_score = {}
for name, s in scores.items():
    by_score.setdefault(s, []).append(name)
print(by_score)
print({s: sorted(n for n, v in scores.items() if v == s) for s in sorted(set(scores.values()), reverse=True)})
