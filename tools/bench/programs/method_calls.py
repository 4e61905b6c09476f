# Method calls in loops, as agent code does over tool results: list.append/pop,
# dict.get/setdefault/items, str.startswith/split/strip/lower, and bound methods kept in
# a local.
records = []
for i in range(60000):
    records.append({"id": i, "tag": "t%d" % (i % 7), "text": "  Item %d OK  " % i})

by_tag = {}
hits = 0
for r in records:
    tag = r.get("tag")
    by_tag.setdefault(tag, []).append(r["id"])
    text = r["text"].strip().lower()
    if text.startswith("item") and text.endswith("ok"):
        hits += 1
    parts = text.split()
    if len(parts) == 3 and parts[1].isdigit():
        hits += int(parts[1]) % 3

stack = []
push = stack.append
pop = stack.pop
total = 0
for i in range(200000):
    push(i)
    if i % 3 == 0:
        total += pop()
counts = {k: len(v) for k, v in sorted(by_tag.items())}
print(hits, total, len(stack), counts)
