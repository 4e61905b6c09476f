with open("data.txt") as f:  # expect: forbidden-builtin "host"
    print(f.read())
