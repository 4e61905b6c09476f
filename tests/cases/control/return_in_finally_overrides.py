def g():
    try:
        return "try"
    finally:
        print("cleanup")
def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "except"
    finally:
        print("h cleanup")
print(g(), h())
