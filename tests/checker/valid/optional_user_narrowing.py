user = get_user(42)
if user is None:
    print("no such user")
else:
    print(user["name"].upper(), user["email"].lower())
