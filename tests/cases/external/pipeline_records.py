records = fetch_records("sales")
by_region = {}
for r in records:
    by_region.setdefault(r["region"], []).append(r["amount"])
summary = {k: {"n": len(v), "sum": sum(v), "avg": round(sum(v) / len(v), 2)} for k, v in sorted(by_region.items())}
for region, s in summary.items():
    print(f"{region:<6}{s['n']:>3}{s['sum']:>8}{s['avg']:>8}")
store("summary", summary)
print("stored")
