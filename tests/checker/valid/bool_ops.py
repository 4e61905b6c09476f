users = list_users()
active = [u for u in users if u["id"] > 0 and u["name"]]
label = users and users[0]["name"] or "none"
print(active, label, not users, any(u["id"] == 1 for u in users), all(users))
