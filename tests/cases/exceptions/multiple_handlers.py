def classify(v):
    try:
        return int(v) * [1][v == "idx"] if v != "key" else {}["k"]
    except (ValueError, TypeError) as e:
        return f"bad value: {type(e).__name__}"
    except KeyError as e:
        return f"missing {e}"
    except Exception as e:
        return "other"
for v in ["5", "x", None, "key", [1]]:
    print(repr(v), classify(v))
