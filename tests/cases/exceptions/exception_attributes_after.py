try:
    raise ValueError("a", "b")
except ValueError as e:
    saved = e
print(saved.args, len(saved.args), saved.args[1])
print(str(ValueError(3)), str(ValueError([1, 2])))
