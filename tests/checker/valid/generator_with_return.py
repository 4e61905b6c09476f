def numbers(limit):
    n = 0
    while True:
        if n >= limit:
            return
        yield n
        n += 1

print(list(numbers(3)))
