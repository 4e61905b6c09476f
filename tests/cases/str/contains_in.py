print("a" in "abc", "" in "abc", "abc" in "abc", "abcd" in "abc")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
