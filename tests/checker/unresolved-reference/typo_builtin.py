n = lenght([1, 2])  # expect: unresolved-reference "len"
print(n)
