def make_getter(prefix):
    def get(name):
        return lookup(prefix + name)
    return get
g = make_getter("user:")
print(g("ann"), g("bob"))
