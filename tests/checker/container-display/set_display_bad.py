tag(1, {"a", 2})  # expect: invalid-argument-type
tag(2, {"ok"})
tag(3, None)
