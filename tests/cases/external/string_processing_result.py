text = fetch_text("doc1")
words = text.lower().split()
freq = {}
for w in words:
    w = w.strip(".,!?")
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(" ".join(w.capitalize() for w, _ in top))
