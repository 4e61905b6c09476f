def make_validator(limit):
    def validate(x):
        if x > limit:
            raise ValueError(f"{x} exceeds {limit}")
        return x
    return validate


check = make_validator(10)
print(check(5))
print([check(v) for v in [1, 20]])
