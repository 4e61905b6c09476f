for i in max_items:  # expect: not-iterable
    print(i)
