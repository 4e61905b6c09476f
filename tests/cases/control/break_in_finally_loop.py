def f():
    for i in range(5):
        try:
            if i == 2:
                return "returned at 2"
        finally:
            print("finally", i)
    return "end"
print(f())
