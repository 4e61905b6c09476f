# A NamedTuple result is a tuple: concatenation, slices, unpacking, comparisons.
hits = search("q")
h = hits[0]
print(h + (1,), h[1:], len(h), h == hits[-1], sorted(hits), dict(zip(h._fields, h)))
a, *rest = h
print(a.upper() if isinstance(a, str) else a, rest, SearchHit._fields, h._make(["u", "t", 1]))
for x in h:
    print(x)
print(max(hits), h < hits[-1], tuple(h)[0], list(h).index(h.url), h.count(1), hash(h))
