data = ["10", "x", "25", "-3", "7"]
vals = [v for s in data if s.lstrip("-").isdigit() and (v := int(s)) > 0]
print(vals)
total = 0
running = [total := total + x for x in [1, 2, 3, 4]]
print(running, total)
