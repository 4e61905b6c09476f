def fetch_user_safe(uid):
    u = get_user(uid)
    if not isinstance(u, dict):
        raise TypeError(f"expected dict for user {uid}, got {type(u).__name__}")
    missing = [k for k in ("id", "name") if k not in u]
    if missing:
        raise KeyError(", ".join(missing))
    return u
for uid in [1, 2, 3]:
    try:
        u = fetch_user_safe(uid)
        print("ok", u["id"], u["name"])
    except (TypeError, KeyError) as e:
        print("invalid:", type(e).__name__, e)
