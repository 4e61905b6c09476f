def fmt(value, *, width=10, fill=" "):
    return str(value).rjust(width, fill)

print(fmt(3), fmt(4, width=3), fmt(5, fill="0", width=2))
