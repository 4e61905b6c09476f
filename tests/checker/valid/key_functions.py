names = ["b", "A", "c"]
print(sorted(names, key=str.lower), max(names, key=len))
scores = {"a": 3, "b": 1}
print(max(scores, key=scores.get), sorted(scores, key=lambda k: scores[k]))
print("".join(map(str, [1, 2])), " ".join(str(n) for n in range(3)))
