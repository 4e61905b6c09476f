# zip's TypeError for a non-iterable argument is the iterator protocol's own message
for args in [(1,), ([1], 2), ("ab", [1], None)]:
    try:
        zip(*args)
    except TypeError as e:
        print(e)
print(list(zip("ab", [1, 2])))
