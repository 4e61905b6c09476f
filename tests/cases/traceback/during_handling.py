def load(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError(f"no setting {key!r}")


load({"a": 1}, "b")
