doc = fetch_document("a")
print(doc.__dict__)  # expect: forbidden-attribute
