cases = [
    lambda: 1 + "a",
    lambda: "a" - "b",
    lambda: [1] - [1],
    lambda: {1} + {2},
    lambda: {"a": 1} + {"b": 2},
    lambda: 2 ** "x",
    lambda: -[1],
    lambda: ~1.5,
    lambda: 1 < None,
    lambda: [1] < (1,),
    lambda: "x" % 5 if False else "%d" % "x",
    lambda: 5 @ 5,
    lambda: None(),
    lambda: len(1, 2),
    lambda: int(1, 2),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
