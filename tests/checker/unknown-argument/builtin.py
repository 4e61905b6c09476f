print(sorted([3, 1], reversed=True))  # expect: unknown-argument "`reverse`"
