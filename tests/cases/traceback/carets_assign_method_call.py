h = []
x = h.pop()
