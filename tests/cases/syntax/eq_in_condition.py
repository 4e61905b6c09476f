# xfail: expected SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?, monty: SyntaxError: invalid syntax
x = 1
if x = 1:
    print(x)
