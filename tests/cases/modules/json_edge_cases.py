import json
def chk(s):
    try:
        print(repr(s), "->", repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), "!!", type(e).__name__, e)
for t in ["{bad json}", "", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[1 2]", "\"abc", "\"a\\x\"", "\"\\u12\"", "[1] x", "{\"a\":1", "[", "nul", "\"a\nb\"", "-", "01", "1.5e", "{\"é\": 1, \"x\" 2}", "[1,\n2 3]", "\"\\ud83d\\ude00\" ", "[NaN, Infinity, -Infinity, 1E400, -0, 1.0e+2]", "{\"a\":1,\"a\":2,\"b\":3}", "  \n  [\"x\"]  \n", "123456789012345678901234567890", "\"\\u00e9\\n\\t\\/\"", "-12.5e-3", "{\"a\": {\"b\": [true, false, null]}}"]:
    chk(t)
def d(o, **kw):
    try:
        print(json.dumps(o, **kw))
    except Exception as e:
        print("!!", type(e).__name__, e)
for o in [float("nan"), {(1,2):3}, b"x", [1.0, -0.0, 1e100, 1e-7, 123456789.0], 10**30, -5]:
    d(o)
d(float("inf"), allow_nan=False)
d({"b":[], "a":{}}, indent=2)
d([1,[2]], indent="\t")
d({"a":[1,2]}, indent=0)
d({"a": 1, 2: 3})
d("\u2028\x7f\x00\U0001f600")
d("\U0001f600\x7fé", ensure_ascii=False)
d({"a": 1, 2: 3}, sort_keys=True)
d({(1,2):3, "a": 1}, skipkeys=True)
d({1}, default=list)
d({"s": {3, 1}}, default=lambda o: sorted(o))
d([1, 2], separators=(";", "="))
d({"a": [1, {"b": 2}]}, indent=3, separators=(",", " = "))
l = []
l.append(l)
d(l)
d([True, False, None, "x\"y\\z"])
d({True: 1, None: 2, 1.5: 3, float("inf"): 4})
try:
    json.loads(5)
except TypeError as e:
    print(e)
print(json.loads(b"[1]"), json.dumps("a", indent=2), issubclass(json.JSONDecodeError, ValueError))
print(json.loads(json.dumps({"k": [1, 2.5, "é", None]})))
