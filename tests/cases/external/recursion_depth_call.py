# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def descend(n):
    if n == 0:
        return probe("bottom")
    return descend(n - 1) + 1
print(descend(50))
