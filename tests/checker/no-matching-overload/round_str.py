print(round("1.5"))  # expect: no-matching-overload
