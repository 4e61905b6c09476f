user = find_user(user_query)
email = user["email"] if user else None
domain = email.split("@")[1] if email else "unknown"
orders = get_orders(user["id"]) if user is not None else []
print(domain, len(orders))
