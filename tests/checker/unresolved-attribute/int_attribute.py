n = len("abc")
print(n.length)  # expect: unresolved-attribute
