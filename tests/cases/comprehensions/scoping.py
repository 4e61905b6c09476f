x = "outer"
l = [x for x in range(3)]
print(x, l)
y = 10
print([y * i for i in range(3)])
def f():
    z = 5
    return [z + i for i in range(2)]
print(f())
print([[i for i in range(j)] for j in range(4)])
