n = 5
print(n[0])  # expect: not-subscriptable
