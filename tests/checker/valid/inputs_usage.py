q = user_query.strip()
limit = min(max_items, 20)
hits = search(q, max_results=limit)
print(len(hits))
