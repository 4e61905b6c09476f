squares = []
for i in range(5):
    squares.append(i * i)
print(squares)
