def gen(start, stop, step=1, *, label="n"):
    i = start
    while i < stop:
        yield f"{label}{i}"
        i += step
print(list(gen(0, 3)), list(gen(1, 10, 4, label="x")), list(gen(5, 1)))
