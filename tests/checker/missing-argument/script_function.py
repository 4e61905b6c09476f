def scale(v, factor):
    return v * factor
print(scale(2))  # expect: missing-argument "`factor`"
