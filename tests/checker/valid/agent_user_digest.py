def display_name(user) -> str:
    name = user.get("name") or user["email"].split("@")[0]
    return name.title()

lines = []
for user in list_users(25):
    orders = get_orders(user["id"])
    open_total = sum(o.get("total", 0.0) for o in orders)
    if open_total == 0:
        continue
    lines.append(f"- {display_name(user)}: {len(orders)} orders, {open_total:.2f} open")

if lines:
    body = "\n".join(lines)
    sent = send_email("ops@example.com", "Open orders", body)
    print("sent" if sent else "failed")
else:
    print("nothing to report")
