# xfail: expected SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?, monty: SyntaxError: invalid syntax
print "hello"
