u = find_user("a@b.c")
name = u["name"] if u else "anonymous"
print(name.upper())
while u:
    print(u["email"])
    u = None
