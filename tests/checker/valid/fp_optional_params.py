from typing import Optional

def norm(x: Optional[str] = None) -> str:
    x = x or "default"
    return x.upper()

def norm2(x: str | None) -> str:
    if x is None:
        x = ""
    return x.strip()

def norm3(x: str | None) -> str:
    x = x if x is not None else "z"
    return x.lower()

def length(x: list[int] | None) -> int:
    return len(x) if x else 0

def first(x: list[str] | None) -> str:
    if not x:
        return ""
    return x[0].upper()

def both(a: int | None, b: int | None) -> int:
    if a is None or b is None:
        return 0
    return a + b

def either(a: str | None, b: str | None) -> str:
    if a is not None and b is not None:
        return a + b
    return ""

def isnone(a: int | None) -> int:
    if isinstance(a, int):
        return a * 2
    return 0

def typecheck(a: int | str) -> str:
    if type(a) is int:
        return str(a + 1)
    return str(a)

def attr_chain(uid: int) -> str:
    u = get_user(uid)
    name = u["name"] if u is not None else None
    return name.upper() if name else ""

def in_loop(ids: list[int]) -> list[str]:
    names = []
    for i in ids:
        u = get_user(i)
        if not u:
            continue
        names.append(u["name"])
    return names

def flag_narrow(uid: int) -> str:
    u = get_user(uid)
    ok = u is not None
    if ok and u:
        return u["email"]
    return ""

def early_break(ids: list[int]) -> str:
    user = None
    for i in ids:
        user = get_user(i)
        if user:
            break
    if user is None:
        return "none"
    return user["name"]

def while_narrow() -> None:
    u = find_user("a")
    while u is not None:
        print(u["name"])
        u = None

def ternary_call(uid: int) -> int:
    return (get_user(uid) or {"id": -1})["id"]

print(norm(), norm2(None), norm3("A"), length(None), first(["a"]), both(1, 2), either("a", "b"))
print(isnone(3), typecheck(1), attr_chain(1), in_loop([0, 1]), flag_narrow(1), early_break([0, 1]))
while_narrow()
print(ternary_call(1))
u = get_user(1)
if u is None:
    raise SystemExit("no user")
print(u["name"])
