# A script function whose body ends in `raise` (and never returns) does not come back.
def die(msg: str):
    print("fatal:", msg)
    raise SystemExit(1)

def bail(code: int) -> None:
    raise RuntimeError(f"failed with {code}")

user = get_user(1)
if user:
    name = user["name"]
else:
    die("no user")
print(name.upper())
try:
    doc = fetch_document("d1")
except KeyError:
    bail(2)
print(doc.title)
