r = search(query="cats", limit=3)
print(len(r), r)
r2 = search("dogs", limit=1)
print(r2)
