data = """name,age,city
Ann,31,Paris
Bob,25,Oslo
Cy,40,Rome"""
lines = data.splitlines()
header = lines[0].split(",")
rows = [dict(zip(header, l.split(","))) for l in lines[1:]]
print(rows)
print(sum(int(r["age"]) for r in rows) / len(rows))
