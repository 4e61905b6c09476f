True = False
