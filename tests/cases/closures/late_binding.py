fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def make(i):
    return lambda: i
print([make(i)() for i in range(3)])
