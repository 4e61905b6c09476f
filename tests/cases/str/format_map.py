d = {"name": "Ann", "n": 3}
print("{name} has {n} items".format_map(d))
print("{name:>5}|{n:03}".format(**d))
