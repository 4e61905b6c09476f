r = search("q", limit=5)  # expect: unknown-argument
