print(len(max_items))  # expect: invalid-argument-type
