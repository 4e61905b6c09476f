rows = [("name", "qty", "price"), ("apple", 3, 1.5), ("kiwi", 12, 0.25)]
for r in rows:
    print(f"{r[0]:<8}|{str(r[1]):^5}|{str(r[2]):>6}")
print("-" * 21)
