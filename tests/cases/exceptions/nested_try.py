def f(x):
    try:
        try:
            if x == 1:
                raise ValueError("inner")
            if x == 2:
                raise KeyError("inner key")
            return "no error"
        except ValueError as e:
            return f"inner caught {e}"
        finally:
            print("inner finally", x)
    except KeyError as e:
        return f"outer caught {e}"
    finally:
        print("outer finally", x)
for x in range(3):
    print(f(x))
