def parse_int(s):
    try:
        return int(s)
    except ValueError:
        return None

v = parse_int("3")
if v is not None:
    print(v + 1)
