def outer():
    items = []
    def add(x):
        items.append(x)
    add(1)
    add(2)
    def replace():
        nonlocal items
        items = ["new"]
    replace()
    return items
print(outer())
