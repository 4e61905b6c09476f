r1 = query("users")
r2 = query("users", limit=5)
r3 = query("users", 2, order="desc")
print(r1, r2, r3)
