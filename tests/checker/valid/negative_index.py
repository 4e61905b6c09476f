hits = search("q")
last = hits[-1]
print(last.title, hits[-2:], "abc"[-1].upper())
