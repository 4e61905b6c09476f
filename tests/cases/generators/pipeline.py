def read_lines():
    yield from ["10", "x", "20", "", "30", "-5"]
def parse(lines):
    for l in lines:
        if l.lstrip("-").isdigit():
            yield int(l)
def positive(nums):
    return (n for n in nums if n > 0)
print(list(positive(parse(read_lines()))), sum(parse(read_lines())))
