text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
top = sorted(counts, key=lambda w: (-counts[w], w))[:3]
print(top)
letters = {}
for ch in text.replace(" ", ""):
    letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:5])
