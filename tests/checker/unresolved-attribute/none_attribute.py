result = None
print(result.value)  # expect: unresolved-attribute
