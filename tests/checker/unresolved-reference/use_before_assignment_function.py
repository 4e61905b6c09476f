def f():
    print(count)  # expect: unresolved-reference "count"
    count = 1
    return count

f()
