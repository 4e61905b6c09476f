x = True False
