import json

payload = json.dumps({"q": user_query, "n": max_items}, indent=2, sort_keys=True)
back = json.loads(payload)
print(back["q"], back.get("n"))
try:
    json.loads("{bad")
except json.JSONDecodeError as err:
    print(err.msg, err.pos)
