p = Point(1.0, 2.0)
q = Point(x=1, y=2, label="q")
print(p.x + q.y, p[0], p.label.upper())
x, y, label = p
