print('hello
