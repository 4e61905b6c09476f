# Comparisons feeding branches (fused in the interpreter), mixed int/float/bool operands,
# overflow out of the small-int range and the slow paths of each operator.
vals = [0, 1, -1, 7, -7, 2**62, -(2**62), 2**63 - 1, -(2**63), 0.5, -2.5, True, False]
res = []
for a in vals:
    for b in vals:
        if a < b:
            res.append(1)
        elif a == b:
            res.append(0)
        else:
            res.append(-1)
print(sum(res), res[:20])

big = 2**63 - 1
print(big + 1, -big - 2, big * 2, (-(2**63)) // -1, (-(2**63)) % -1, 7 // -2, -7 % 3)
print(7 / 2, 1 / 3, 2**53 / 3, (2**53 + 1) / 1, 10 // 3.0, 5 % -2.5, 3 - True)
x = 10
n = 0
while x > 0:
    x -= 3
    n += 1
print(x, n)
f = 0.1
s = 0.0
for i in range(10):
    s += f * i
print(s, s > 4.5, s < 4.5, 4.5 <= s, s != s, float("nan") < 1, float("nan") != float("nan"))
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
print([i for i in range(10) if i % 3 == 1 and i > 2], "a" < "b", [1, 2] < [1, 3])
