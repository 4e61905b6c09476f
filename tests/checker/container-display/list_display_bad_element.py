compute_stats([1.0, "2.5"])  # expect: invalid-argument-type "element of type"
