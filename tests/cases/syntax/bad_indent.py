# xfail: expected IndentationError: unexpected indent, monty: SyntaxError: invalid syntax
def f():
    x = 1
      y = 2
    return x
