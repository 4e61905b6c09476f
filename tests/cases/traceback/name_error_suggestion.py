# xfail: expected NameError: name 'countr' is not defined. Did you mean: 'counter'?, monty: NameError: name 'countr' is not defined
counter = 10
print(countr + 1)
