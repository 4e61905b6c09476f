rows = [
    {"name": "ann", "age": 31, "city": "paris", "score": 88},
    {"name": "bob", "age": 25, "city": "oslo", "score": 92},
    {"name": "cy", "age": 40, "city": "paris", "score": 75},
    {"name": "di", "age": 35, "city": "rome", "score": 92},
]
ops = {"=": lambda a, b: a == b, ">": lambda a, b: a > b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b}
def where(rows, *conds):
    out = rows
    for field, op, val in conds:
        out = [r for r in out if ops[op](r[field], val)]
    return out
print([r["name"] for r in where(rows, ("city", "=", "paris"))])
print([r["name"] for r in where(rows, ("age", ">", 28), ("score", ">=", 80))])
print([r["name"] for r in sorted(where(rows, ("score", ">", 80)), key=lambda r: (-r["score"], r["age"]))])
try:
    where(rows, ("age", "!=", 3))
except KeyError as e:
    print("unknown operator", e)
