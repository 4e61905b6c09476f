print(pos_only(1, 2) + 1)
