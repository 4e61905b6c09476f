budget = 3
seen = []
cursor = None
while budget > 0:
    page = search("monty", cursor=cursor)
    budget -= 1
    seen.extend(r["title"] for r in page["results"])
    cursor = page.get("cursor")
    if not cursor:
        break
print(len(seen), seen, "budget left", budget)
