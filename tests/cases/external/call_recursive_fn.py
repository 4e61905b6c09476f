# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def walk(node, depth=0):
    children = children_of(node)
    print("  " * depth + node)
    for c in children:
        walk(c, depth + 1)
walk("root")
