def f():
    return
        x
