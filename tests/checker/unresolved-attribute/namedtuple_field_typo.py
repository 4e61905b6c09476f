for h in search("q"):
    print(h.link)  # expect: unresolved-attribute
