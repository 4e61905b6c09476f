print(list(range(30)))
print({i: chr(97 + i) for i in range(10)})
print(tuple(range(0, 50, 5)))
