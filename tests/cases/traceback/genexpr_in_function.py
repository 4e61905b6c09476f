def total(rows):
    return sum(r["qty"] for r in rows)


print(total([{"qty": 1}, {"n": 2}]))
