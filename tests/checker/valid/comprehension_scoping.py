docs = [fetch_document(i) for i in ["a", "b", "c"]]
titles = {d.id: d.title for d in docs}
scores = [d.score for d in docs if d.score > 0.5]
best = max(docs, key=lambda d: d.score)
print(titles, scores, best.title)
x = 10
squares = [x * x for x in range(5)]
print(x, squares)
