for u in list_users():
    name = u["name"]
print(name)  # expect: possibly-unresolved-reference
for i in range(0):
    zero = i
print(zero)  # expect: possibly-unresolved-reference
