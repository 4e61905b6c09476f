def outer(values):
    factor = 2
    def scale(v):
        return v * factor
    return [scale(v) for v in values]

print(outer([1, 2]))
