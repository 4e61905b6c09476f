nums = [1, 2, 3, 4]
print(list(map(square, nums)))
print(list(filter(lambda n: is_ok(n), nums)))
