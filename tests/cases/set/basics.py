s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 in s)
s.add(10)
s.discard(1)
s.discard(99)
print(s)
s.remove(2)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
print(set(), set([1, 1, 2]), set(range(5)), sorted(set("hello")))
