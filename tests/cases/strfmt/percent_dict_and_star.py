row = {"n": "widget", "q": 3, "p": 2.5}
print("%(n)-10s %(q)3d @ %(p)6.2f = %(t)8.2f" % {**row, "t": row["q"] * row["p"]})
print("%*s|%-*s|%.*f" % (6, "r", 6, "l", 2, 3.14159))
print("%s %r %a" % ("é", "é", "é"))
print("%c%c%c" % (80, 121, "!"))
