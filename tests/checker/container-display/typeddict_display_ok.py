uid = create_user({"name": "a", "email": "e"})
create_user({"name": "b", "email": "f", "age": 3})
extra = {"age": 4}
create_user({"name": "c", "email": "g", **extra})
print(uid + 1)
