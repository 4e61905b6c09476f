def f():
    out = []
    try:
        try:
            try:
                out.append(1)
                raise KeyError("k")
            finally:
                out.append(2)
        except KeyError:
            out.append(3)
            raise ValueError("v")
        finally:
            out.append(4)
    except ValueError:
        out.append(5)
    finally:
        out.append(6)
    return out
print(f())
