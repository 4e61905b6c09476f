def outer():
    a = 1
    def mid():
        b = 2
        def inner():
            nonlocal a, b
            a += 10
            b += 20
            return a + b
        return inner() + b
    return mid() + a
print(outer())
