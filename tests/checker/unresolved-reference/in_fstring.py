name = "x"
print(f"hello {nme}")  # expect: unresolved-reference "name"
