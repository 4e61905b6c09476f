doc = fetch_document("a")
print(doc.text)  # expect: unresolved-attribute
