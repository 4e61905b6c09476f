# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
r = echo("line1\nline2\t\"quoted\" \\ é 🎉")
print(repr(r))
print(r.splitlines())
