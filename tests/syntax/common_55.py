if x > 1 and < 5:
    pass
