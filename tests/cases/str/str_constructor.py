print(str(), str(42), str(3.5), str(None), str(True), str([1, "a"]), str({"k": (1,)}))
print(str(b"bytes"), str("x"), repr(str(0.1)))
print(str(-0.0), str(1e100), str(10 ** 20))
