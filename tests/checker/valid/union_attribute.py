def pick(flag: bool):
    if flag:
        return "text"
    return 42

v = pick(True)
print(v)
value: int | str = pick(False)
if isinstance(value, str):
    print(value.upper())
else:
    print(value + 1)
