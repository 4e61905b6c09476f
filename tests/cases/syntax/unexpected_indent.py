# xfail: expected IndentationError: unexpected indent, monty: SyntaxError: invalid syntax
x = 1
    y = 2
