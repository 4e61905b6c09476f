try:
    lookup("k")
except KeyError as err:
    pass
print(err)  # expect: unresolved-reference
