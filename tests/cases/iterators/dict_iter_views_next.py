d = {"a": 1, "b": 2}
ki = iter(d.keys())
vi = iter(d.values())
ii = iter(d.items())
print(next(ki), next(vi), next(ii), next(ii), next(ii, None))
