try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.pop() and set().pop()
except KeyError as e:
    print(type(e).__name__, e)
