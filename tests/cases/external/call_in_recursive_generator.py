# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def walk(path):
    yield path
    for child in list_dir(path):
        yield from walk(path + "/" + child)
print(list(walk("root")))
