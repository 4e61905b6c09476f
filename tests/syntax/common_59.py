def f():
    '''doc
