rows = [[3, 5, 1], [7, 2, 8], [4, 6, 9], [0, 1, 2]]
cols = list(zip(*rows))
print("row sums", [sum(r) for r in rows])
print("col sums", [sum(c) for c in cols])
print("col means", [round(sum(c) / len(c), 2) for c in cols])
print("argmax per row", [r.index(max(r)) for r in rows])
print("max cell", max((v, i, j) for i, r in enumerate(rows) for j, v in enumerate(r)))
