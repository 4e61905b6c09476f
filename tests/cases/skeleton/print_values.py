print(1, 2.5, "three", True, False, None)
