u = get_user(1)
if u:
    print(u["username"])  # expect: invalid-key
