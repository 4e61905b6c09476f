print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0}, {} == {})
print({1: "a"} == {1.0: "a"}, {"a": [1]} == {"a": [1]})
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print(type(e).__name__, e)
