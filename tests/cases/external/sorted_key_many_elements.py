words = ["delta", "alpha", "echo", "bravo", "charlie"]
ranked = sorted(words, key=lambda w: rank(w), reverse=True)
print(ranked)
