l = list("abcdefgh")
l[1:3] = "XYZ"
print("".join(l))
l[-2:] = []
print("".join(l))
del l[::2]
print("".join(l))
l[:] = [1, 2, 3]
print(l)
l[len(l):] = [4]
print(l)
l[1:1] = ["in"]
print(l)
