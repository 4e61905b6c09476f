def describe(user_id: int) -> str:
    user = get_user(user_id)
    if user is None:
        return "unknown"
    return user["name"] + " <" + user["email"] + ">"

print(describe(1))
