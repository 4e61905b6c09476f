# Every call below runs on CPython 3.13 (checked when this case was written).
s = "  Hello, World  "
print(s.split(sep=",", maxsplit=1), s.rsplit(maxsplit=1), s.splitlines(keepends=True))
print(s.encode(encoding="utf-8", errors="strict"), s.expandtabs(tabsize=4), s.replace("l", "L", 1))
print(s.strip().center(20, "*"), s.ljust(3), s.rjust(30, "."), s.zfill(20), s.partition(","))
print(s.find("o", 1, 10), s.index("H"), s.count("l", 0), s.startswith("  H", 0, 5), s.endswith(("d", "  ")))
print("{0}-{x}".format(1, x=2), "%(a)s" % {"a": 1}, "a" "b", s.casefold(), s.swapcase(), s.title())
print(",".join(["a", "b"]), "ab".removeprefix("a"), "ab".removesuffix("b"), "x".isidentifier())
print(str.maketrans("ab", "cd"), "abc".translate(str.maketrans("ab", "cd")), "Ab1".isalnum())
b = b"abc"
print(b.decode(encoding="ascii"), b.hex(), b.split(b"b"), b.upper(), b.startswith(b"a"), b.find(b"c"))
nums = [3, 1, 2]
nums.sort(key=lambda v: -v, reverse=False)
print(nums.index(2), nums.count(3), nums.pop(0), nums.copy(), nums[::2])
d = {"a": 1}
print(d.get("a"), d.get("b", 0), d.pop("a", None), d.setdefault("c", 3), dict.fromkeys("xy", 0))
print(d.items(), list(d.keys()), list(d.values()), d.copy(), d.popitem())
st = {1, 2}
print(st.union([3]), st.intersection({1}), st.difference([2]), st.issubset(range(5)), st.isdisjoint(()))
print(sorted([3, 1], reverse=True), sorted("cba", key=str.upper), max(1, 2, key=abs), min([], default=0))
print(int("10", base=2), int("7"), float("1e3"), round(2.567, ndigits=1), round(2.5), divmod(9, 4))
print(list(enumerate("ab", start=1)), list(zip([1], "a", strict=True)), list(map(abs, [-1])), list(filter(bool, [0, 1])))
print(isinstance(1, (int, str)), issubclass(bool, int), getattr(s, "upper")(), hasattr(s, "x"), repr(s), ascii("é"))
print(sum([1, 2], start=10), pow(3, 2, mod=5), abs(-2.5), chr(97), ord("a"), bin(5), hex(255), oct(8), format(3.14159, ".2f"))
print(range(1, 10, 2).index(3), range(5)[1:3], list(reversed(range(3))), slice(1, 2).indices(5), tuple("ab"), frozenset([1]))
print(next(iter([1])), next(iter([]), "empty"), len({1: 2}), callable(len), hash(1), id(None) > 0, type(s) is str)
print(1 .bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x00\x10", "big"), 2.5.is_integer(), (1.5).as_integer_ratio())
print(all([]), any([0, 1]), print("x", sep="", end=""), "done")
