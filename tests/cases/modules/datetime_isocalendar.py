from datetime import date, datetime, timedelta
d0 = date(2018, 12, 28)
for i in range(0, 20):
    d = d0 + timedelta(days=i)
    print(d, d.isocalendar())
for y in range(2015, 2030):
    for md in [(1, 1), (1, 4), (12, 28), (12, 31), (1, 2), (12, 29)]:
        ic = date(y, *md).isocalendar()
        print(y, md, ic.year, ic.week, ic.weekday, tuple(ic), ic[1])
dt = datetime(2024, 12, 30, 5); print(dt.isocalendar())
year, week, wd = date(2021, 1, 3).isocalendar(); print(year, week, wd)
print(f"W{date(2024, 3, 15).isocalendar().week:02d}")
