def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
ops = {"inc": inc, "dbl": dbl}
print([ops[name](3) for name in ["inc", "dbl", "inc"]])
print(list(map(lambda f: f(7), [inc, dbl, abs, str])))
