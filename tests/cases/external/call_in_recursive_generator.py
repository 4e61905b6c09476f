# xfail: monty: NotImplementedError: monty does not support calling the external function 'list_dir' from code run by a builtin (sorted/map/filter key, or a generator co
def walk(path):
    yield path
    for child in list_dir(path):
        yield from walk(path + "/" + child)
print(list(walk("root")))
