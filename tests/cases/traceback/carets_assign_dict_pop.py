d = {}
x = d.pop("k")
