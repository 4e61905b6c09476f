def load_config():
    try:
        return read_config("app")
    except KeyError as e:
        raise RuntimeError("config missing") from e
try:
    load_config()
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
