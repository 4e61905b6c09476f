def stats(xs):
    return (min(xs), max(xs)), sum(xs) / len(xs)
(lo, hi), avg = stats([3, 9, 6])
print(lo, hi, avg)
def parse_pair(s):
    k, _, v = s.partition("=")
    return k.strip(), v.strip()
print(dict(parse_pair(p) for p in "a = 1, b=2 ,c= 3".split(",")))
