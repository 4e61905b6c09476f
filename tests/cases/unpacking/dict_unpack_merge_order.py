defaults = {"color": "red", "size": "M", "qty": 1}
user = {"size": "L", "qty": 3}
final = {**defaults, **user, "source": "api"}
print(final, list(final))
def show(**kw):
    return ", ".join(f"{k}={v}" for k, v in kw.items())
print(show(**defaults), "|", show(**user, extra=True))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print(type(e).__name__, e)
