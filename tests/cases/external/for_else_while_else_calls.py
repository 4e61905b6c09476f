# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
for i in range(3):
    if check(i):
        print("found", i)
        break
else:
    print("none found")
n = 0
while n < 2:
    n += 1
    note(n)
else:
    print("while done", n)
