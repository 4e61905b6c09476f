v = maybe(True)
if v is None:
    print(v.bit_length())  # expect: unresolved-attribute
