def run(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("zero!")
        r = None
    else:
        print("ok", r)
    finally:
        print("finally", x)
    return r
print(run(2), run(0))
