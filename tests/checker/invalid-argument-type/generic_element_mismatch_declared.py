# A declared variable keeps its element type even when mutated.
scores: dict[str, int] = {}
scores["a"] = 1
def show(labels: dict[str, str]) -> None:
    print(labels)
show(scores)  # expect: invalid-argument-type "expects `dict[str, str]`, found `dict[str, int]`"
hits = search("x")
ranks = [h.rank for h in hits]
print("\n".join(ranks))  # expect: invalid-argument-type "found `list[int]`"
