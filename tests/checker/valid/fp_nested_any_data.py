from typing import Any
import json

def process(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for row in rows:
        for k, v in row.items():
            out.setdefault(k, []).append(v)
    return out

data = process(read_table("users"))
print(json.dumps(data))
config = lookup("config")
print(config.anything.goes[0]["x"])
resp = await fetch_json("u")
results = resp.get("results") or []
for r in results:
    print(r["id"], r.get("name", "?"))
raw = json.loads(lookup("raw"))
items = raw["items"]
prices = [it["price"] for it in items if it.get("price")]
print(sum(prices), max(prices, default=0))
table: dict[str, dict[str, int]] = {}
table.setdefault("a", {})["b"] = 1
table["a"]["b"] += 1
print(table["a"].get("b", 0) + 1)
matrix: list[list[float]] = [[1.0, 2.0], [3.0, 4.0]]
matrix[0][1] *= 2
print([sum(r) for r in matrix], [list(col) for col in zip(*matrix)])
stats = compute_stats([1.0, 2.0])
print(stats["mean"] + stats.get("stdev", 0.0), round(stats["mean"], 2))
counts: dict[str, int] = {}
for word in "a b a".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts, key=counts.get, reverse=True), max(counts, key=lambda k: counts[k]))
