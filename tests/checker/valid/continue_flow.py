results = []
for doc_id in ["a", "b", "c"]:
    doc = fetch_document(doc_id)
    if not doc.body:
        continue
    results.append(summarize(doc.body))
print(results)
