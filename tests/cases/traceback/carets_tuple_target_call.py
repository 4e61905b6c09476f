d = {}
x, y = d.pop("k")
