# Edge cases of string concatenation: empty operands, results reused as operands,
# concatenation inside expressions and comprehensions, %-formatting of grown strings.
e = ""
a = "abc" * 50
print((a + e) == a, (e + a) == a, len(e + e), e + e == "")
b = a + "!" + a + "?" + a
print(len(b), b.count("!"), b[149:152], b[-3:])
parts = [a + str(i) for i in range(3)]
print([p[-2:] for p in parts])
acc = "#" * 130
acc = acc + ":"
outs = []
for i in range(5):
    acc += str(i)
    outs.append(acc + "|")
print([o[-4:] for o in outs], acc[-6:])
print("%-140s|" % acc)
print("%s|%.3s|%5s|%-5s|" % (acc[-3:], acc[-6:], "é", "ü"))
print("%10.4s|%-10.2s|" % ("abcdefg", "xyz"))
s = "start"
for word in ["alpha", "beta", "gamma"] * 30:
    s = s + " " + word
print(len(s), s[:16], s[-16:])
q = "x" * 200
q = q + "y"
r = q + "z"
print(q.endswith("y"), r.endswith("yz"), q in r, r.startswith(q), q < r, r > q)
try:
    raise ValueError(q + "!")
except ValueError as err:
    q += "extra"
    print(str(err)[-3:], len(str(err)))
