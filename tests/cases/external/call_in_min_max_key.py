words = ["alpha", "be", "gamma"]
print(min(words, key=lambda w: cost(w)))
print(max(words, key=lambda w: cost(w)))
