import json
from collections import defaultdict, Counter
raw = """
2024-01-03,alice,login,ok,120
2024-01-03,bob,upload,fail,3400
2024-01-04,alice,upload,ok,2100
2024-01-04,carol,login,ok,95
2024-01-05,bob,login,ok,110
2024-01-05,alice,download,ok,870
2024-01-06,carol,upload,fail,5000
"""
rows = []
for line in raw.strip().splitlines():
    date, user, action, status, ms = line.split(",")
    rows.append({"date": date, "user": user, "action": action, "status": status, "ms": int(ms)})
by_user = defaultdict(lambda: {"count": 0, "total_ms": 0, "fails": 0})
for r in rows:
    u = by_user[r["user"]]
    u["count"] += 1
    u["total_ms"] += r["ms"]
    u["fails"] += r["status"] == "fail"
for user, s in sorted(by_user.items(), key=lambda kv: -kv[1]["total_ms"]):
    print(f"{user:<8}{s['count']:>3}{s['total_ms']:>8,}{s['fails']:>3}  avg={s['total_ms'] / s['count']:.1f}")
actions = Counter(r["action"] for r in rows)
print(actions.most_common(), dict(actions))
print(json.dumps(by_user, indent=2, sort_keys=True))
fail_rate = sum(1 for r in rows if r["status"] == "fail") / len(rows)
print(f"fail rate: {fail_rate:.2%}", f"{fail_rate:.3}", round(fail_rate, 4))
table = [["user", "ms"]] + [[r["user"], str(r["ms"])] for r in rows[:3]]
widths = [max(len(row[i]) for row in table) for i in range(2)]
for row in table:
    print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)))
print("-" * 20)
summary = {"users": len(by_user), "rows": len(rows), "slowest": max(rows, key=lambda r: r["ms"])["user"], "dates": sorted({r["date"] for r in rows})}
print(summary)
print(str(summary).replace("'", '"') == json.dumps(summary))
nested = {"a": {"b": {"c": [1, 2, {"d": None}]}}, "e": (1, 2)}
def walk(o, path=""):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from walk(v, f"{path}.{k}" if path else k)
    elif isinstance(o, (list, tuple)):
        for i, v in enumerate(o):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, o
for p, v in walk(nested):
    print(p, "=", repr(v))
try:
    value = rows[10]["user"]
except IndexError as e:
    print("error:", e)
try:
    rows[0]["missing"]
except KeyError as e:
    print("missing key", e, repr(e), e.args)
result = {"status": "ok", "data": [r["user"] for r in rows if r["ms"] > 1000]}
print(json.dumps(result))
print(f"{'Total':>10}: {sum(r['ms'] for r in rows):>10,d}")
print("{:<10}|{:^10}|{:>10}".format("left", "mid", "right"))
print("%-10s|%10.2f|%5d" % ("pct", 12.345, 42))
avg = sum(r["ms"] for r in rows) / len(rows)
print(avg, round(avg), round(avg, 1), int(avg), f"{avg:.0f}", f"{avg:e}", f"{avg:g}")
