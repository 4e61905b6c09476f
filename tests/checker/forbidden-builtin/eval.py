print(eval("1 + 1"))  # expect: forbidden-builtin
