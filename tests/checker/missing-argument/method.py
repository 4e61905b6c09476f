print("abc".replace("a"))  # expect: missing-argument "`new`"
