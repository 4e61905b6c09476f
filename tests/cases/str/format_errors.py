for fmt, args in [("{} {}", ("a",)), ("{0} {}", ("a", "b")), ("{x}", ()), ("{:d}", ("s",)), ("{", ()), ("}", ())]:
    try:
        print(fmt.format(*args))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
