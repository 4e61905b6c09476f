x = 10
y = x.
