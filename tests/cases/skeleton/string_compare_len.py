s = "hello"
print(len(s), s == "hello", len([1, 2, 3]), len({"a": 1}))
