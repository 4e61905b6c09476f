a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]) if False else True)
