import re

lines = ["a=1", "b", "c=3"]
pairs = [m.group(1) for line in lines if (m := re.match(r"(\w)=\d", line))]
print(pairs)
vals = {k: v for line in lines if (kv := line.split("=")) and len(kv) == 2 for k, v in [kv]}
print(vals)
items = [3, 2, 1]
while (n := len(items)) > 0:
    items.pop()
    print(n)
if (u := get_user(1)) is not None:
    print(u["name"])
if u := find_user("x"):
    print(u["email"])
data = [1, 2, 3]
if (total := sum(data)) > 5:
    print(total + 1)
print([y for x in data if (y := x * 2) > 2])
