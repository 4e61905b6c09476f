parse(1)  # expect: no-matching-overload
