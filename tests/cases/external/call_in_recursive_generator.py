def walk(path):
    yield path
    for child in list_dir(path):
        yield from walk(path + "/" + child)
print(list(walk("root")))
