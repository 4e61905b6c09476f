print(max())  # expect: no-matching-overload
