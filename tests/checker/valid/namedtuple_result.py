hits = search("monty", 3)
for h in hits:
    print(h.rank, h.url, h.title, h[0])
best = min(hits, key=lambda h: h.rank)
print(best.url)
