print(summarize("a") - "b")  # expect: unsupported-operator
