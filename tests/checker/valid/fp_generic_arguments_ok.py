# Generic element types that fit (or cannot be proven not to): no report.
from typing import Any

ids = [1, 2, 3]
print(compute_stats(ids))                      # list[int] for list[float]: ints are floats
print(compute_stats([w["temp"] for w in get_forecast("Oslo")]))
users = list_users()
emails = [u["email"] for u in users]
print(send_email("a@b.c", "s", "b", cc=emails))
print(send_email("a@b.c", "s", "b", cc=None))
print(", ".join(emails), ", ".join(map(str, ids)), ", ".join(str(i) for i in ids))
print(", ".join(sorted({"b", "a"})), "-".join(reversed(emails)), "".join(dict.fromkeys("abc")))
mixed = ["a", None]
print(send_email("a@b.c", "s", "b", cc=[m for m in mixed if m]))
anything: list[Any] = [1, "x"]
print(send_email("a@b.c", "s", "b", cc=anything))
rows: list[dict[str, Any]] = [dict(u) for u in users]
print(compute_stats([float(r["id"]) for r in rows]))
print(max(ids), min(emails, default=""), sum(ids), sorted(emails, key=len))
print(set(emails) | {"x"}, list(zip(ids, emails)), dict(zip(emails, ids)))
