for kind in ["ValueError", "KeyError", "StopIteration"]:
    try:
        poke(kind)
    except Exception as e:
        print(type(e).__name__, repr(e), e.args)
