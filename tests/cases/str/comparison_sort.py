words = ["banana", "Apple", "cherry", "apple", "Banana", "10", "9", ""]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
