text = summarize(fetch_document("d1").body)
words = text.lower().replace(",", " ").split()
first = words[0].capitalize() if words else ""
print(first, len(words), text.startswith(("A", "The")), text.count("a"))
print("-".join(w.strip(".") for w in words[:3]), text.find("x"), text.zfill(3))
print(f"{len(text):>10} {text!r:.5}")
