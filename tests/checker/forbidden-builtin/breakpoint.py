breakpoint()  # expect: forbidden-builtin
