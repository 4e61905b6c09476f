print("a b".split(" ", sep=" "))  # expect: parameter-already-assigned
