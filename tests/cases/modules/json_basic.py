import json
data = {"name": "Ann", "tags": ["a", "b"], "score": 9.5, "ok": True, "none": None, "n": 3}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
back = json.loads(s)
print(back == data, back["tags"], type(back["score"]).__name__)
print(json.loads("[1, 2.0, \"x\", null, true, {\"a\": []}]"))
print(json.dumps("é\n\"q\""), json.dumps("é", ensure_ascii=False), json.dumps([1, (2, 3)]))
