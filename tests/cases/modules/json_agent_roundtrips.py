import json
data = {"name": "Zoë", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None, "nested": {"x": [1, {"y": 2}]}, "big": 10**20, "e": [], "d": {}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent="\t"))
print(json.dumps([1, 2], indent=0))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps((1, 2)))
print(json.dumps("line\nbreak \"q\" \\ \t \u0001 é 😀"))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps(-0.0), json.dumps(1e100))
for bad in [{1, 2}, b"x", object if False else complex if False else print]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"s": {1, 2}}, default=sorted))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=1, separators=(",", ": ")))
s = '{"a": [1, 2.0, -3e2, true, false, null], "b": "\\u00e9\\n", "c": {"d": 1.5E+3}}'
obj = json.loads(s)
print(obj, type(obj["a"][1]).__name__)
print(json.loads("[]"), json.loads("  3 "), json.loads('"x"'), json.loads("1e400"), json.loads("NaN"), json.loads("-Infinity"))
for bad in ['{"a": 1,}', "{'a': 1}", "[1, 2", "", "tru", '{"a" 1}', "[1] x", '"\\x"', "01"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
    except ValueError as e:
        print("ValueError:", e)
print(json.loads('{"a": 1, "a": 2}'))
print(json.dumps(json.loads('{"k": [1, {"z": null}]}'), indent=2))
print(json.dumps({"a": 1}, indent=2, sort_keys=True) == json.dumps({"a": 1}, sort_keys=True, indent=2))
print(json.loads(b'{"x": 1}'))
print(json.dumps("abc", ensure_ascii=True), json.dumps(["\u2028"]))
print(json.dumps({"k": 1}, skipkeys=True), json.dumps({(1,): 1, "o": 2}, skipkeys=True))
print(json.loads('[1.0, 1.10, 12345678901234567890]'))
