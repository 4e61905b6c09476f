for name in ["ann", "bob"]:
    print("hello", name)
