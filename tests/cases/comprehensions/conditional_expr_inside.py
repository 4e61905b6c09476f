nums = range(-3, 4)
print([n if n >= 0 else -n for n in nums])
print(["even" if n % 2 == 0 else "odd" for n in nums if n])
print({n: ("neg" if n < 0 else "pos") for n in nums if n != 0})
