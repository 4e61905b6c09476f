def f(*, key):
    return key
print(f())  # expect: missing-argument "`key`"
