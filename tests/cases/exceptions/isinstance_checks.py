try:
    int("q")
except Exception as e:
    print(isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, TypeError))
    print(type(e) is ValueError, type(e).__name__)
