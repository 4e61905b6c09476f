# An order-triage agent: users, their orders (total=False TypedDict), prices, conversions.
from typing import Any, Optional


def order_value(o: Order, rate: float) -> float:
    total = o.get("total")
    if total is None:
        items = o.get("items") or []
        total = sum(get_price(i) for i in items)
    return round(total * rate, 2)


def flag(o: Order) -> Optional[str]:
    if "items" not in o:
        return "no items"
    if not o["items"]:
        return "empty"
    if "total" in o and o["total"] <= 0:
        return "non-positive total"
    return None


rate = convert(1.0, "USD", "EUR")
summary: list[dict[str, Any]] = []
problems: dict[int, list[str]] = {}
for user in list_users(max_items):
    orders = get_orders(user["id"], status="open")
    values = [order_value(o, rate) for o in orders]
    for o in orders:
        reason = flag(o)
        if reason:
            problems.setdefault(user["id"], []).append(f"#{o.get('id', '?')}: {reason}")
    summary.append({
        "user": user["name"],
        "orders": len(orders),
        "value": sum(values),
        "max": max(values, default=0.0),
    })

summary.sort(key=lambda r: r["value"], reverse=True)
for row in summary:
    print(f"{row['user']:<10} {row['orders']:>3} {row['value']:>10.2f} {row['max']:>8.2f}")
if problems:
    text = "\n".join(f"user {uid}: " + "; ".join(msgs) for uid, msgs in sorted(problems.items()))
    short = summarize(text, max_words=40)
    log("problems found", short, level="warning")
stats = compute_stats([float(r["value"]) for r in summary] or [0.0])
print({k: round(v, 2) for k, v in stats.items()})
