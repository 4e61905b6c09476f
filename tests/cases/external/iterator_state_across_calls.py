inventory = {"apple": 3, "pear": 0, "fig": 7}
it = iter(inventory.items())
first = next(it)
out = [first]
for name, qty in it:
    out.append((name, qty, price(name)))
print(out)
e = enumerate(zip("abc", range(3)))
for i, (ch, n) in e:
    print(i, ch, n, tag(ch))
