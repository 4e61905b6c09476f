# Small-int %, //, &, |, ^ on the interpreter's fast path: floor semantics and signs.
vals = [0, 1, 2, 3, 7, -1, -2, -3, -7, 10, -10, 2 ** 62, -(2 ** 62), 2 ** 63 - 1, -(2 ** 63)]
out = []
for a in vals:
    for b in vals:
        row = [a & b, a | b, a ^ b]
        if b != 0:
            row += [a % b, a // b]
        out.append(tuple(row))
print(len(out))
print(out[:40])
print(out[-40:])
print(sum(sum(r) for r in out))
n = 17
n %= 5
m = -17
m //= 5
print(n, m, -(2 ** 63) // -1, -(2 ** 63) % -1, 7 % -1, -7 // -1)
for a, b in ((1, 0), (-5, 0)):
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
