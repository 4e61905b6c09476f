def outer():
    def inner(x):
        return x.missing
    return inner(5)


outer()
