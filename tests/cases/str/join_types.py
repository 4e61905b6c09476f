print(" ".join(["a"]), "".join(["x", "y"]), ",".join("abc"), "\n".join(["1", "2"]))
print("-".join(map(str, [1, 2, 3])), "+".join(sorted({"c": 1, "a": 2})))
try:
    "".join(["a", None])
except TypeError as e:
    print(type(e).__name__, e)
