registry = []
def register(x):
    registry.append(x)
    return len(registry)
def count():
    return len(registry)
register("a")
register("b")
print(count(), registry)
def reset():
    global registry
    registry = []
reset()
print(count())
