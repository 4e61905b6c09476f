x = None
print(x[0])  # expect: not-subscriptable
