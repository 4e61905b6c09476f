Point(1.0)  # expect: missing-argument "`y`"
print(Point(1, 2).z)  # expect: unresolved-attribute
