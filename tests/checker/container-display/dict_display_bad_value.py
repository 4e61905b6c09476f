headers({"Accept": "json", "Retries": 3})  # expect: invalid-argument-type "entry"
headers({"A": "b"})
