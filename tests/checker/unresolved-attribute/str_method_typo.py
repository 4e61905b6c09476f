print(summarize("x").uppercase())  # expect: unresolved-attribute "did you mean `upper`"
