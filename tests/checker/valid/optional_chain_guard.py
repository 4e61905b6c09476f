def email_of(uid):
    u = get_user(uid)
    return u["email"] if u is not None else None

e = email_of(1)
if e:
    print(e.lower())
