# a comment
x = (1 +
     2 +
     3)  # trailing comment
y = [
    1,
    2,
]
z = 1 + \
    2
print(x, y, z)
s = ("implicit "
     "concat")
print(s)
