def nothing():
    return
print(nothing())
