code = compile("1", "x", "eval")  # expect: forbidden-builtin
