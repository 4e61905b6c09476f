pending = None
for u in list_users():
    if pending is not None:
        print(pending["name"])
    pending = u
