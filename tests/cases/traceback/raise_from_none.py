def parse(text):
    try:
        return int(text)
    except ValueError:
        raise LookupError("not a number") from None


parse("q")
