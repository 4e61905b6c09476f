d = {"a": 1}
d["a"] += 5
d.setdefault("b", 0)
d["b"] -= 2
l = [1, 2, 3]
l[0] *= 10
l[-1] **= 2
i = 1
l[i] //= 2
print(d, l)
s = "x"
s *= 3
s += "!"
print(s)
t = (1,)
t += (2,)
print(t)
