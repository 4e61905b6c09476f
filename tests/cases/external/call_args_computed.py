items = [{"id": i, "tags": ["t%d" % i] * i} for i in range(1, 4)]
for it in items:
    save(it["id"], tags=it["tags"], count=len(it["tags"]))
print("saved", len(items))
