if (u := find_user("a@b.c")) is not None:
    print(u["id"] + 1)
if found := find_user("x@y.z"):
    print(found["name"].strip())
