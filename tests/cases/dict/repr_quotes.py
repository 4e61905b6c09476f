print({"it's": 1, 'say "x"': 2, "é": 3, 1.0: [], "": ()})
print(repr({}), str({"a": {"b": {"c": None}}}))
