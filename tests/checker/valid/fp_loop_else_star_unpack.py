found = None
for hit in search("python"):
    if hit.rank == 2:
        found = hit
        break
else:
    print("no hit")
if found:
    print(found.url, found.title)

count = 0
while True:
    count += 1
    if count > 3:
        break
print(count)

i = 0
while i < 10:
    i += 2
else:
    print("done", i)

for idx, (a, b) in enumerate(zip("abc", [1, 2, 3])):
    print(idx, a.upper(), b + 1)
for k in reversed(range(3)):
    print(k)
for x, *rest in [(1, 2, 3), (4, 5)]:
    print(x, rest)
first, *middle, last = [1, 2, 3, 4]
print(first + last, len(middle))
head, *_ = "a b c".split()
print(head.upper())
