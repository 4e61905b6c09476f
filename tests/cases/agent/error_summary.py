log = """INFO start
ERROR db timeout after 30s
WARN slow query
ERROR db timeout after 31s
INFO done
ERROR auth failed for user=bob"""
counts = {}
errors = []
for line in log.splitlines():
    level, _, msg = line.partition(" ")
    counts[level] = counts.get(level, 0) + 1
    if level == "ERROR":
        errors.append(msg)
print(counts)
kinds = {}
for e in errors:
    key = " ".join(e.split()[:2])
    kinds[key] = kinds.get(key, 0) + 1
print(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
