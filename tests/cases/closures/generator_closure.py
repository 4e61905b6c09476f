def make_gen(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen
g3 = make_gen(3)
print(list(g3(4)), list(make_gen(-1)(3)))
