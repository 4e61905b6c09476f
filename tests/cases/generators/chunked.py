def chunks(xs, n):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]
print(list(chunks(list(range(10)), 3)))
print(list(chunks("abcdefg", 2)))
def batched_sum(xs, n):
    return [sum(c) for c in chunks(xs, n)]
print(batched_sum(list(range(1, 11)), 4))
