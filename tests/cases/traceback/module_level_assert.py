values = [1, 2, 3]
assert len(values) == 3
assert sum(values) > 10, "sum too small"
