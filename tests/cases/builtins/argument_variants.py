print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower, reverse=True))
print(min([3, 1, 2], key=lambda x: -x), max("a", "bb", key=len), max([], key=len, default="none"))
print(list(enumerate("ab", start=10)), list(enumerate(iterable="xy", start=-1)) if False else list(enumerate("xy", -1)))
print(int("z", base=36), int(x="11", base=2) if False else int("11", base=2), round(3.14159, ndigits=2), round(number=2.5) if False else round(2.5))
print(sum([1, 2], start=10), list(zip("ab", "cd", strict=True)), divmod(7, 2), pow(2, 5, mod=7))
print(range(10)[2:8:3], list(range(-3, 3, 2)), str(b"x", "ascii"), str(object=5))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate()
except TypeError as e:
    print(type(e).__name__, e)
