emails = ["Ann <ann@example.com>", "bob@test.org", "  Cy Doe <cy.doe@corp.co.uk> ", "invalid", "d@e"]
parsed = []
for e in emails:
    e = e.strip()
    if "<" in e and e.endswith(">"):
        name, _, addr = e[:-1].partition("<")
        name = name.strip()
    else:
        name, addr = "", e
    if "@" not in addr or "." not in addr.split("@")[-1]:
        print("skip", repr(e))
        continue
    user, domain = addr.split("@")
    parsed.append({"name": name or user.title(), "domain": domain.lower(), "user": user})
for p in parsed:
    print(p)
print(sorted({p["domain"].split(".")[-1] for p in parsed}))
