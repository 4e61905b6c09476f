try:
    try:
        raise KeyError("inner")
    except KeyError:
        v = recover()
        raise RuntimeError(f"outer after {v}")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__))
