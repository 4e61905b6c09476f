def helper():
    return undefined_helper()  # expect: unresolved-reference
helper()
