names = [u["fullname"] for u in list_users()]  # expect: invalid-key
