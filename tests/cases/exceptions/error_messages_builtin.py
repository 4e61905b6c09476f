tests = [
    lambda: None + 1,
    lambda: [1, 2] * [3],
    lambda: {}.x,
    lambda: (1).foo,
    lambda: "abc".upper(1),
    lambda: int("1", base=99),
    lambda: [1][None],
    lambda: {"a": 1}["b"],
    lambda: len(None),
    lambda: abs("x"),
    lambda: sum(["a", "b"]),
    lambda: sorted([3, "1"]),
    lambda: iter(5),
    lambda: next([1]),
    lambda: hash([]),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
