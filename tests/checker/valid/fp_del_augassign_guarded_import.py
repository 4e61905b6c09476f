data = {"a": 1, "b": 2}
del data["a"]
data["b"] += 5
data.update(c=3)
data.update({"d": 4})
print(data.pop("c"), data.pop("zz", None), data.popitem())
lst = [1, 2, 3]
lst[0] += 10
del lst[1]
lst.extend([4, 5])
lst.insert(0, 9)
lst.sort(reverse=True)
lst.remove(9)
print(lst.index(4), lst.count(4), lst.copy(), lst[::-1])
s = {1, 2}
s.add(3)
s.discard(5)
s |= {7}
print(s & {1}, s - {1}, s.union([8]), s.issubset({1, 2, 3, 7, 9}))
class Box:
    def __init__(self):
        self.n = 0
        self.items = []
b = Box()
b.n += 1
b.items += [1]
print(b.n, b.items)
text = "  Hello, World  "
print(text.strip().lower().replace("world", "x").split(","), text.startswith(("  H", "x")))
print(text.find("o"), text.count("l"), text.center(20, "*"), "-".join(["a", "b"]), text.isspace())
print("{} {}".format(1, 2), "%s=%d" % ("a", 1), f"{3.14159:.2f}", "abc".encode().decode())
print(sorted({"b": 1, "a": 2}), sorted([("a", 2), ("b", 1)], key=lambda t: t[1]))
print(any(x > 2 for x in lst), all([]), divmod(7, 2), round(2.567, 2), abs(-3), pow(2, 10))
print(isinstance(3, int), callable(print), hash("x") is not None, id(b) > 0, chr(65), ord("A"))
print(list(map(str, [1, 2])), list(filter(None, [0, 1])), sum([1.5, 2]), len({"a": 1}))
x = y = 0
x, y = y + 1, x + 2
print(x, y)
if True:
    def helper() -> int:
        return 1
else:
    def helper() -> int:
        return 2
print(helper())
try:
    import numpy
except ImportError:
    numpy = None
