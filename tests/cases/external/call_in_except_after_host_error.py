def get_or_create(key):
    try:
        return read(key)
    except KeyError:
        create(key, {"new": True})
        return read(key)
print(get_or_create("cfg"))
