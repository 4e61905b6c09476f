send(None, True, 3, 2.5, "s", [1, "a"], {"k": [1, 2]})
send(flag=False, items=[], nested={"a": {"b": 1}})
print("sent")
