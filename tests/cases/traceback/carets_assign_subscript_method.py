d = [{}]
v = d[0].pop("k")
