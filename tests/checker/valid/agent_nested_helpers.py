def normalize(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local.split('+')[0]}@{domain.lower()}"

def group_by_domain(users):
    groups = {}
    for u in users:
        domain = normalize(u["email"]).split("@")[1]
        groups.setdefault(domain, []).append(u)
    return groups

groups = group_by_domain(list_users(200))
top = sorted(groups.items(), key=lambda kv: len(kv[1]), reverse=True)[:3]
for domain, members in top:
    print(domain, len(members), ", ".join(m["name"] for m in members[:3]))
