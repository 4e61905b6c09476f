budget = 1000
requests = [("infra", 450), ("ml", 300), ("web", 200), ("ops", 150)]
total_req = sum(r for _, r in requests)
alloc = {name: round(budget * req / total_req, 2) for name, req in requests}
print(alloc, round(sum(alloc.values()), 2))
remaining = budget
granted = {}
for name, req in sorted(requests, key=lambda r: r[1]):
    g = min(req, remaining)
    granted[name] = g
    remaining -= g
print(granted, "left:", remaining)
