print(f'{x!r:}' 'a' b'c')
