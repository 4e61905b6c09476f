groups: dict[str, list[str]] = {}
for u in list_users():
    domain = u["email"].split("@")[-1]
    groups.setdefault(domain, []).append(u["name"])
for domain, names in groups.items():
    print(domain, len(names), names[0].upper())
