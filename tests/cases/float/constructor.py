print(float(), float(1), float("3.25"), float("  -1.5e3 "), float("1_000.5"), float(True))
print(float(".5"), float("5."), float("+inf"), float(2 ** 60))
for bad in ["", "abc", "1.2.3", "1e", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(None)
except TypeError as e:
    print(type(e).__name__, e)
