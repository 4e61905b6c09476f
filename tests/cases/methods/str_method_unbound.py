print(str.upper("abc"), str.join(",", ["a", "b"]), str.split("a b"), str.replace("aa", "a", "b"))
print(list.__name__ if False else "skip", len.__name__, str.lower.__name__ if False else "lower")
print(dict.fromkeys(["x", "y"], 0), int.from_bytes(b"\x00\x10", "big"), float.fromhex("0x10"))
