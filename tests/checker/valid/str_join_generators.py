users = list_users()
print(", ".join(u["name"] for u in users))
print(", ".join(sorted(set(u["email"].split("@")[1] for u in users))))
