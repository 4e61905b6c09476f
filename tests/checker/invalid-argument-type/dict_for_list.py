print(compute_stats({"a": 1.0}))  # expect: invalid-argument-type
