print(summarize(None))  # expect: invalid-argument-type
