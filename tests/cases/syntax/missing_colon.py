# xfail: expected SyntaxError: expected ':', monty: SyntaxError: invalid syntax
print("never runs")
if True
    print("x")
