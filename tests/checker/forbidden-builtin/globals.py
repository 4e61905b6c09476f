print(globals())  # expect: forbidden-builtin
