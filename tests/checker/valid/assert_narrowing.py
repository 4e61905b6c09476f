u = find_user("x@y")
assert u is not None, "user must exist"
print(u["name"].title())
