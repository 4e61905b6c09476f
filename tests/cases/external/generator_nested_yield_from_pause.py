# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def leaf(prefix):
    for i in range(2):
        yield prefix + str(fetch(prefix, i))
def middle():
    yield from leaf("a")
    yield "mid"
    yield from leaf("b")
g = middle()
print(next(g))
rest = list(g)
print(rest)
