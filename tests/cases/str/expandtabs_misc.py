print("a\tb\tc".expandtabs(4), "a\tb".expandtabs())
print("hello world".title(), "they're bill's".title(), "HELLO".casefold())
print("abc".translate({97: "x", 98: None}), str.maketrans("ab", "xy"))
print("%".join("abc"), "a-b_c d".replace("-", " ").replace("_", " ").split())
