def safe_price(sym):
    try:
        return get_price(sym)
    except Exception as exc:
        raise RuntimeError("price failed: " + str(exc)) from exc

try:
    print(safe_price("X"))
except RuntimeError as e:
    print(e.args, e.__cause__)
