def f():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally in loop", i)
    try:
        return "ret"
    finally:
        print("finally before return")
print(f())
