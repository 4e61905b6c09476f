g = lambda: 1
print(g.__code__)  # expect: forbidden-attribute
