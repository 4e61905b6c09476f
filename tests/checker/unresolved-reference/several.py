a = get_usr(1)  # expect: unresolved-reference "get_user"
b = sarch("x")  # expect: unresolved-reference "search"
print(a, b)
