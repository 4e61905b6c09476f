# Recursive Python calls: fib and a recursive tree sum (call/return overhead).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tree_sum(depth, width):
    if depth == 0:
        return 1
    total = 0
    for _ in range(width):
        total += tree_sum(depth - 1, width)
    return total


print(fib(29), tree_sum(10, 4))
