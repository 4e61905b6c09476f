val = 3 if max_items > 1 else "many"
print(val)
n = len(user_query) if user_query else 0
print(n + 1)
