data = {"a": [1, {"b": [2, 3, {"c": "deep"}]}]}
print(data["a"][1]["b"][2]["c"], data["a"][1]["b"][-1]["c"][::-1])
data["a"][1]["b"].append(4)
print(data)
print(len(data["a"][1]["b"]))
