def squares(n):
    for i in range(n):
        yield i * i
print([s for s in squares(6) if s % 2 == 0])
print({s: s ** 0.5 for s in squares(4)})
print(sorted(squares(5), reverse=True))
print(dict(enumerate(squares(3))))
