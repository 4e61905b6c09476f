seen_titles = set()
unique_docs = []
for doc_id in ["d1", "d2", "d3", "d1"]:
    doc = fetch_document(doc_id)
    key = doc.title.casefold().strip()
    if key in seen_titles:
        continue
    seen_titles.add(key)
    unique_docs.append(doc)

unique_docs.sort(key=lambda d: (-d.score, d.title))
report = [{"id": d.id, "title": d.title, "words": len(d.body.split())} for d in unique_docs]
record("dedupe", kept=len(report), dropped=4 - len(report))
print(report)
