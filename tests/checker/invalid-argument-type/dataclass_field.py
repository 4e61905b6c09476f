d = fetch_document(3)  # expect: invalid-argument-type
