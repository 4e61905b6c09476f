scores = {"ann": 90, "bob": 85, "cy": 90, "di": 70, "ed": 85}
ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
rank = 0
prev = None
for i, (name, s) in enumerate(ranked, 1):
    if s != prev:
        rank = i
        prev = s
    print(rank, name, s)
