best = None
for hit in search("python", max_results=5):
    if best is None or hit.rank < best.rank:
        best = hit
if best is not None:
    print(best.title)
