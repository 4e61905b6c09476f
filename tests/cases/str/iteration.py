word = "banana"
counts = {}
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(list(word), list(enumerate("ab")), [c * 2 for c in "xyz"])
print(max("hello"), min("hello"), sorted("hello"), "".join(reversed("hello")))
