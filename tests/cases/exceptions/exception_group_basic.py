try:
    raise ExceptionGroup("g", [ValueError(1)])
except Exception as e:
    print("caught", e)
BaseExceptionGroup("x")
