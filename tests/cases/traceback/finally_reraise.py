def work():
    try:
        raise ValueError("inside")
    finally:
        print("cleanup ran")


work()
