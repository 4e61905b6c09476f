last = None
for last in search("q"):
    pass
print(last)
