PRIORITY = {"high": 1, "medium": 2, "low": 3}

def classify(text: str) -> str:
    lowered = text.lower()
    if any(word in lowered for word in ("outage", "down", "breach")):
        return "high"
    if "slow" in lowered or "error" in lowered:
        return "medium"
    return "low"

rows = read_table("tickets")
buckets: dict[str, list[dict]] = {"high": [], "medium": [], "low": []}
for row in rows:
    level = classify(str(row.get("title", "")))
    buckets[level].append(row)

ordered = sorted(buckets.items(), key=lambda kv: PRIORITY[kv[0]])
for level, items in ordered:
    log(f"{level}: {len(items)} tickets")
summary = {level: [r.get("id") for r in items[:5]] for level, items in ordered}
print(summary)
