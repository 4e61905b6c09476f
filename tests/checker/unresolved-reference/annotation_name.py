def f(x: Optionl[int]) -> int:  # expect: unresolved-reference
    return 1
