targets = ["fr", "de", "es"]
phrases = {"greeting": "Hello", "farewell": "Goodbye"}
table = {}
for key, text in phrases.items():
    row = {"en": text}
    for lang in targets:
        row[lang] = translate(text, target=lang, source="en")
    table[key] = row
header = " | ".join(["key", "en", *targets])
print(header)
for key, row in table.items():
    print(" | ".join([key] + [row[c] for c in ["en", *targets]]))
