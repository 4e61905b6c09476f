try:
    1 / 0
except ZeroDivisionError:
    print("handled first")
int("not a number")
