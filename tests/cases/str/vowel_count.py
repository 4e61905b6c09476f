text = "The Quick Brown Fox Jumps Over The Lazy Dog"
vowels = "aeiou"
print(sum(1 for c in text.lower() if c in vowels))
print({v: text.lower().count(v) for v in vowels})
print("".join(c for c in text if c.lower() not in vowels))
