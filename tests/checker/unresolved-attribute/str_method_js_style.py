s = "abc"
print(s.toUpperCase(), s.length)  # expect: unresolved-attribute; unresolved-attribute
