def pair():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
g, s = pair()
print(g())
s(42)
print(g())
s(g() + 1)
print(g())
