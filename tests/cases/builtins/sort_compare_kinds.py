# Orderings the comparison fast paths handle (ints, floats, strs, tuples of them) beside
# the general ones (mixed kinds, nested tuples, NaN, bools, big ints) and their errors.
nums = [5, -3, 2**70, -(2**64), 0, True, 7.5, -0.0, 3]
print(sorted(nums))
words = ["b", "a", "ab", "", "é", "z", "Z", "aa", "\U0001f600", "ä"]
print(sorted(words), min(words), max(words))
tups = [(1, "b"), (1, "a"), (0, "z"), (1,), (1, "a", 0), (2, 1.5), (2, 1), (-1, "x")]
print(sorted(tups))
print(sorted([(1, (2, 3)), (1, (2, 2)), (0, (9,))]))
print(sorted([(1, 2.5), (1, 2), (1, 2.25)]), (1, 2) < (1, 2.5), (1, "a") <= (1, "a"))
nan = float("nan")
print((1, nan) < (1, 2), (nan,) == (nan,), [nan] == [nan], (1, 2) == (1, 2.0))
print(sorted([3.5, -1.25, 2.0, 1e300, -1e-300]), 2.5 > 2.25, 1.0 >= 1.0, 0.1 != 0.1)
print(sorted(["b", "a"], reverse=True), sorted([(2, "a"), (1, "b")], key=lambda t: t[1]))
print(sorted([(True, 1), (False, 2), (1, 0)]), (1, 2) > (1, 1, 9), () < (0,))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    print((1, None) < (1, 2))
except TypeError as e:
    print("TypeError:", e)
