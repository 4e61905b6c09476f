text = summarize("abc")
print(text[::-1], text[1:3].upper(), [1, 2, 3][1:], (1, 2, 3)[:2], b"abc"[0] + 1)
rows = read_table("t")[:10]
print(len(rows))
