# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def make_getter(prefix):
    def get(name):
        return lookup(prefix + name)
    return get
g = make_getter("user:")
print(g("ann"), g("bob"))
