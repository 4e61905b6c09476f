seqs = [list(range(6)), "abcdef", tuple(range(6)), range(6)]
idx = [None, 0, 1, 3, -1, -2, 5, 6, 100, -100]
steps = [None, 1, 2, -1, -2, 3]
for seq in seqs:
    out = []
    for step in steps:
        for start in idx[:6]:
            for stop in idx[4:]:
                r = seq[start:stop:step]
                out.append(str(len(r)) if not isinstance(r, str) else r or "-")
    print(type(seq).__name__, " ".join(out))
print(list(range(6)[::-2]), list(range(6)[4:1:-1]), range(6)[1:5:2])
