cases = [
    lambda: int("abc"),
    lambda: int("12", 2),
    lambda: float("x1"),
    lambda: [1, 2].index(3),
    lambda: "abc".index("z"),
    lambda: (1, 2).index(9),
    lambda: [].remove(1),
    lambda: max([]),
    lambda: min([], key=len),
    lambda: "a".split(""),
    lambda: chr(-5),
    lambda: range(1, 2, 0),
]
for c in cases:
    try:
        c()
    except ValueError as e:
        print(type(e).__name__, e)
