users = list_users(10)
print([u["name"] for u in users])
print(lookup("k"))
