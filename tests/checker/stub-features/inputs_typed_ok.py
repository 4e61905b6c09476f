print(timeout * 2, [n.upper() for n in names])
