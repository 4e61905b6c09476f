m = get_movie("x")
print(m["nme"])  # expect: invalid-key "did you mean"
p = get_partial()
print(p["title"])  # expect: invalid-key "TypedDict `Partial`"
pt = point()
print(pt.z)  # expect: unresolved-attribute "`Pt` has no attribute `z`"
print(Pt(1, 2, 3))  # expect: too-many-positional-arguments
query().wher(a=1)  # expect: unresolved-attribute "did you mean `where`"
s = later()
print(s.upper())  # expect: unresolved-attribute "did you forget `await`"
kw_after_star(1, 2)  # expect: missing-argument "`b`"; too-many-positional-arguments
paint([1])  # expect: invalid-argument-type "expects `Color`"
