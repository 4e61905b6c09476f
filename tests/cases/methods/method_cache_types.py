# One method-call site used with receivers of different types (the interpreter caches
# the method found per type), methods shadowed by nothing, and missing methods.
def first_upper(x):
    return x.upper() if hasattr(x, "upper") else x


items = ["ab", b"cd", "ef", b"gh"]
print([x.upper() for x in items])
seqs = [[3, 1, 2], (3, 1, 2), "312", [9, 8]]
print([s.count(1) if not isinstance(s, str) else s.count("1") for s in seqs])
print([s.index(2) if not isinstance(s, str) else s.index("2") for s in seqs[:3]])
vals = [{"a": 1}, {"b": 2}, [("c", 3)]]
out = []
for v in vals:
    try:
        out.append(sorted(v.keys()))
    except AttributeError as e:
        out.append(str(e))
print(out)
for x in [1, 2.5, True, "s", None]:
    try:
        print(x.bit_length())
    except AttributeError as e:
        print("AttributeError:", e)
d = {}
for k in "abcabc":
    d.setdefault(k, []).append(k)
print(d, "a,b".split(","), b"a,b".split(b","), [1, 2].copy(), first_upper("q"))
