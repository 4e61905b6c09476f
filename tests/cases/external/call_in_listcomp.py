# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
ids = [3, 1, 2]
names = [get_name(i) for i in ids]
print(names)
upper = {i: get_name(i).upper() for i in ids if i != 1}
print(upper)
