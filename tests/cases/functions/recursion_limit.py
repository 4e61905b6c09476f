def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(500))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
