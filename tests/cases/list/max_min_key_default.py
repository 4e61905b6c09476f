words = ["pear", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words), min(words))
print(max([], default="none"), min([], default=0), max([3], default=9))
print(max(3, 9, 2), min("b", "a"), max([1, 5], [2]))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
