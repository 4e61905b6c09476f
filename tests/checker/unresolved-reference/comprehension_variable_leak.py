squares = [n * n for n in range(3)]
print(n)  # expect: unresolved-reference
