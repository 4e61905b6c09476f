import asyncio
from datetime import timedelta

c = get_customer(1)
if c is not None:
    print(c["id"], c.get("name", "anon"))
    addr = c.get("address")
    if addr:
        print(addr["city"], addr.get("zip", "-"))
    for t in c.get("tags", []):
        print(t.upper())
    if "meta" in c:
        print(c["meta"].get("x"))
tickets = list_tickets("closed", limit=10)
tickets += list_tickets(assignee="bob")
high = [t for t in tickets if t["priority"] == "high"]
for t in sorted(high, key=lambda t: t["created"]):
    who = t["assignee"] or "unassigned"
    print(t["id"], t["title"], who.title(), len(t["comments"]))
    for cm in t["comments"]:
        print(cm["author"], cm["text"][:40])
    updated = update_ticket(t["id"], status="closed", note="done")
    print(updated["title"])
inv = get_invoice("A1")
print(inv.number, inv.amount, inv.total(), inv.paid, [li.sku for li in inv.lines])
for li in inv.lines:
    print(li.qty * li.price)
invs = get_invoices(3)
print(len(invs), invs[0].amount if invs else 0, sum(i.amount for i in invs))
p = geocode("x")
q = geocode("y")
if p and q:
    print(distance(p, q), p.x + q.y)
    px, py = p
    print(px, py)
page = paged_search("bug")
while True:
    for item in page.items:
        print(item)
    if page.next_cursor is None:
        break
    page = paged_search("bug", cursor=page.next_cursor)
for row in run_sql("select 1", {"a": 1}):
    print(row[0])
notify("bob", "hi")
notify("bob", "hi", Priority.HIGH)
print(Priority.HIGH.value, Priority.LOW.name)
print(apply(lambda v: v + 1, [1, 2]), apply(abs, range(3)))
d = parse_date("2024-01-01")
print(d + timedelta(days=1), d.year, now().isoformat(), today - d, threshold * 2)
tg = tags_for([1])
for k, v in tg.items():
    print(k + 1, sorted(v))
blob = fetch_json_blob("u")
if isinstance(blob, dict):
    print(blob.get("a"))
elif isinstance(blob, list):
    print(len(blob))
s = get_setting("a")
s2 = get_setting("a", "b")
print(s2.upper(), s.upper() if s else None)
print(db.name, db.size, db.query("select ?", 1), db.get("t", 1))
rows = await db.aquery("x")
print(rows)
print(reader.read(), reader.read(10))
r = await send_sms("1", "hi")
print(r["sid"] if "sid" in r else r)
m = await batch_lookup([1, 2])
for cid, cust in m.items():
    print(cid, cust.get("name"))
res = await asyncio.gather(send_sms("a", "b"), batch_lookup([3]))
print(res[0], res[1])
