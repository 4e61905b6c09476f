from typing import Any

def describe(uid: int) -> str:
    u = get_user(uid)
    if not u:
        return "none"
    return u["name"] + " <" + u["email"] + ">"

def first_email(ids: list[int]) -> str | None:
    for i in ids:
        u = get_user(i)
        if u is None:
            continue
        return u["email"]
    return None

def must(uid: int) -> str:
    u = get_user(uid)
    assert u
    return u["name"].upper()

def must2(uid: int) -> str:
    u = get_user(uid)
    assert u is not None, "missing"
    return u["name"].title()

def raise_early(uid: int) -> int:
    u = get_user(uid)
    if u is None:
        raise ValueError(f"no user {uid}")
    return u["id"] + 1

def with_default(uid: int) -> str:
    u = get_user(uid) or {"id": 0, "name": "guest", "email": ""}
    return u["name"]

def iso(v: int | str | float | None) -> str:
    if isinstance(v, (int, float)):
        return str(v * 2)
    if isinstance(v, str):
        return v.strip()
    return ""

name = find_user("a@b.c")
label = name["name"] if name else "?"
label2 = name and name["name"]
if name is not None and name["id"] > 0:
    print(name["email"].lower())
print(describe(1), first_email([0, 1]), must(2), must2(3), raise_early(4), with_default(0))
print(iso(3), iso("x "), iso(None), iso(2.5), label, label2)
x = find_user("q")
if x is None:
    pass
else:
    print(x["id"] * 2)
if not (x is None):
    print(x["name"])
