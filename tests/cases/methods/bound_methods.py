l = []
add = l.append
for i in range(3):
    add(i * 10)
print(l)
up = "hello".upper
print(up(), up is not None)
d = {"a": 1}
get = d.get
print(get("a"), get("b", "dflt"))
fmt = "{}-{}".format
print(fmt(1, 2), list(map("x{}".format, [1, 2])))
print(list(map(str.strip, [" a ", "b  "])), sorted(["b", "A"], key=str.casefold))
