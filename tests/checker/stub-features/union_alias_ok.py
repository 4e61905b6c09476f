print(add(1, 2.5), add(True, 3))
