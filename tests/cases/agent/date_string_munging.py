stamps = ["2024-03-05T10:15:00", "2023-12-31T23:59:59", "2024-01-15T08:00:00"]
parsed = []
for s in stamps:
    date, time = s.split("T")
    y, m, d = (int(p) for p in date.split("-"))
    hh, mm, ss = map(int, time.split(":"))
    parsed.append((y, m, d, hh, mm, ss))
parsed.sort()
for p in parsed:
    print("%04d/%02d/%02d %02d:%02d" % p[:5])
by_year = {}
for p in parsed:
    by_year.setdefault(p[0], 0)
    by_year[p[0]] += 1
print(by_year)
