if max_items > 3  # expect: invalid-syntax
    print("x")
