calls = []
def f(x):
    calls.append(x)
    return x % 2 == 0
it = filter(f, range(10))
print(calls)
print(next(it), calls)
print(next(it), calls)
m = map(lambda x: x * 10, it)
print(list(m), calls[-1])
