try:
    print([1 / x for x in [1, 2, 0, 4]])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
def safe_div(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return None
print([safe_div(x) for x in [1, 2, 0, 4]])
