u = get_user("42")  # expect: invalid-argument-type "expects `int`, found `Literal["
