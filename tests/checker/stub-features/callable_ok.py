print(apply(lambda v: str(v), 3), apply(str, 4))
def show(v):
    return f"{v}"
print(apply(show, 5))
anything(print)
