# xfail: asan: expected PermissionError: access denied for 2, monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def fetch_all(ids):
    return [fetch(i) for i in ids]
print("begin")
print(fetch_all([1, 2, 3]))
