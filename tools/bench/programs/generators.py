# Generators: generator functions, yield from, generator expressions in pipelines.
def numbers(n):
    for i in range(n):
        yield i


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def chain(*its):
    for it in its:
        yield from it


total = sum(evens(numbers(2000000)))
total += sum(x * 2 for x in numbers(400000))
total += len(list(chain(numbers(200000), numbers(200000))))
print(total)
