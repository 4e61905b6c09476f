cases = [
    lambda: [1, 2][2],
    lambda: [1, 2][-3],
    lambda: (1,)[1],
    lambda: "ab"[2],
    lambda: range(3)[3],
    lambda: {"a": 1}["b"],
    lambda: [][0],
    lambda: {}.pop("x"),
    lambda: [].pop(),
    lambda: [1].pop(5),
]
for c in cases:
    try:
        c()
    except LookupError as e:
        print(type(e).__name__, e)
