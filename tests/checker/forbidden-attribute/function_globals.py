def f():
    pass
print(f.__globals__)  # expect: forbidden-attribute
