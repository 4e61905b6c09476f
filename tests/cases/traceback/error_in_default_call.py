def lookup(table, key, default=None):
    return table[key] if default is None else table.get(key, default)


def report(key):
    return "value: " + lookup({"a": 1}, key)


print(report("a"))
