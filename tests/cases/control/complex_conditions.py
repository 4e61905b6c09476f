def check(x, y):
    if x > 0 and y > 0:
        return "both positive"
    if x > 0 or y > 0:
        return "one positive"
    if not (x or y):
        return "both zero"
    return "none positive"
for p in [(1, 1), (1, -1), (0, 0), (-1, -2), (0, -1)]:
    print(p, check(*p))
print(0 < 5 <= 5 < 6, 1 == 1 != 2, "a" < "b" > "a")
