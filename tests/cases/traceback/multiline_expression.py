data = {"a": 1}
result = (
    data["a"]
    + data["b"]
)
