exec("x = 1")  # expect: forbidden-builtin
