def outer(items):
    return middle(items) * 2


def middle(items):
    total = 0
    for it in items:
        total += inner(it)
    return total


def inner(it):
    return it["value"]


print(outer([{"value": 1}, {"value": 2}]))
outer([{"value": 1}, {"other": 2}])
