# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def get_or_create(key):
    try:
        return read(key)
    except KeyError:
        create(key, {"new": True})
        return read(key)
print(get_or_create("cfg"))
