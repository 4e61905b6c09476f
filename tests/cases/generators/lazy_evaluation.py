log = []
def gen():
    for i in range(3):
        log.append(f"yield {i}")
        yield i
g = gen()
print(log)
print(next(g), log)
print(list(g), log)
