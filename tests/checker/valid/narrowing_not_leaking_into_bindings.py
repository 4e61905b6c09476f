def pick(member, transform):
    if isinstance(member, str):
        info = lookup(member)
    else:
        info = member
    original = info
    try:
        info = transform(info)
    except ValueError:
        pass
    if info is None:
        print(original.name)
    return info

def kind(err):
    if type(err) is KeyError:
        return err.args
    return None

print(pick("a", str), kind(KeyError("k")))
