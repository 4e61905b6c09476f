hits = search("q")
for h in hits:
    url, title, rank = h
    print(url, h[0], h.rank + 1, h._asdict(), h._replace(rank=2).rank)
best = sorted(hits, key=lambda h: h.rank)[0]
print(best.title.upper(), hits[0] == best, len(hits[-1]))
doc = fetch_document("d1")
print(doc.title, doc.body[:10], doc.score > 0.5, doc.id)
doc.score = 1.0
doc.score += 0.5
docs = [fetch_document(i) for i in ["a", "b"]]
docs.sort(key=lambda d: d.score, reverse=True)
print([d.id for d in docs])
top = max(docs, key=lambda d: d.score, default=None)
if top:
    print(top.title)
ranks = {h.url: h.rank for h in hits}
print(sorted(ranks.items(), key=lambda kv: kv[1]))
print(tuple(hits[0]), list(hits[0]), hits[0].count("x"), hits[0].index(hits[0][0]))
