print(isinstance(3))  # expect: missing-argument
