import json
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print(type(e).__name__, e)
try:
    json.loads("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
print(json.dumps({1: "int key", 2.5: "float key", None: "none", True: "b"}))
