s = "hello"
print(getattr(s, "upper")(), hasattr(s, "upper"), hasattr(s, "nope"), getattr(s, "nope", "default"))
print(hasattr([], "append"), hasattr({}, "keys"), getattr(5, "real"))
try:
    getattr(s, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
