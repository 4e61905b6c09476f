for v in [get(0), get(1), get(2), get(3), get(4), get(5), get(6)]:
    print(type(v).__name__, repr(v))
