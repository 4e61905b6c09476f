def area(w: float, h: float) -> float:
    return w * h
print(area("3", 4))  # expect: invalid-argument-type
