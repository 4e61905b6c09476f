tickets = list_tickets(status="open")
urgent = [t for t in tickets if t["priority"] >= 3]
print(f"{len(urgent)} urgent of {len(tickets)} open")
for t in sorted(urgent, key=lambda t: (-t["priority"], t["id"])):
    owner = assign(t["id"], team="oncall")
    print(f"#{t['id']} p{t['priority']} -> {owner}")
summary = {"open": len(tickets), "urgent": len(urgent), "ids": [t["id"] for t in urgent]}
post_summary(summary)
print("done")
