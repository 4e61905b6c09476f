name = input("name? ")  # expect: forbidden-builtin "inputs"
