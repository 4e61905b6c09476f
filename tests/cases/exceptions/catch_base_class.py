for exc in [ZeroDivisionError("z"), KeyError("k"), IndexError("i"), OverflowError("o")]:
    try:
        raise exc
    except LookupError as e:
        print("lookup:", type(e).__name__)
    except ArithmeticError as e:
        print("arith:", type(e).__name__)
