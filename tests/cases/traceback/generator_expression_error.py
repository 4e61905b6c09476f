values = [1, 2, "three"]
total = sum(v * 2 for v in values if v + 0 > 0)
