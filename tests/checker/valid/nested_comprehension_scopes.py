users = list_users()
by_domain = {
    d: [u["name"] for u in users if u["email"].endswith(d)]
    for d in {u["email"].split("@")[1] for u in users}
}
print(by_domain)
