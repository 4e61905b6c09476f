old = ["a", "b", "c", "d"]
new = ["b", "c", "e", "a2"]
added = [x for x in new if x not in old]
removed = [x for x in old if x not in new]
kept = [x for x in old if x in new]
print("added:", added, "removed:", removed, "kept:", kept)
old_d = {"a": 1, "b": 2, "c": 3}
new_d = {"a": 1, "b": 20, "d": 4}
changes = {k: (old_d.get(k), new_d.get(k)) for k in sorted(set(old_d) | set(new_d)) if old_d.get(k) != new_d.get(k)}
print(changes)
