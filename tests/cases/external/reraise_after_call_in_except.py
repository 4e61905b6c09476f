def op():
    try:
        {}["key"]
    except KeyError:
        log("handling")
        raise
try:
    op()
except KeyError as e:
    print("re-raised", repr(e))
