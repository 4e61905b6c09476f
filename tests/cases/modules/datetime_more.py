from datetime import date, datetime, timedelta
import datetime as dtm
d = date(2024, 12, 31)
print(d + timedelta(days=1), d - date(2024, 1, 1), repr(d), d.year, d.month, d.day, d.isoweekday(), d.toordinal())
print(date.fromordinal(738000), date.fromisoformat("2023-02-01"), date(2000, 2, 29).replace(year=2004), d.strftime("%a %A %b %B %j %U %W %w %y %%"))
dt = datetime(2024, 3, 5, 14, 30, 15, 250000)
print(dt, repr(dt), repr(datetime(2024, 1, 1)), dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="seconds"), dt.date())
print(dt.strftime("%Y-%m-%dT%H:%M:%S.%f %I%p %c"), dt.hour, dt.minute, dt.second, dt.microsecond, dt.weekday())
print(datetime.strptime("2024-03-05 07:08:09", "%Y-%m-%d %H:%M:%S"), datetime.strptime("05 Mar 2024 7PM", "%d %b %Y %I%p"))
print(datetime.fromisoformat("2024-03-05T10:20:30.5"), datetime.fromisoformat("2024-03-05"), datetime.fromisoformat("2024-03-05 10:20"))
t = timedelta(days=-1, seconds=5)
print(t, repr(t), timedelta(0), repr(timedelta(0)), timedelta(hours=25, minutes=1.5), timedelta(weeks=1, milliseconds=1))
print(t.days, t.seconds, t.microseconds, t.total_seconds(), timedelta(days=2) / timedelta(hours=1), timedelta(days=2) // timedelta(hours=5))
print(timedelta(hours=1) * 3, 2 * timedelta(minutes=1), timedelta(hours=1) / 4, timedelta(days=1) // 3, timedelta(hours=1) * 1.5)
print(timedelta(days=1) > timedelta(hours=23), timedelta(hours=24) == timedelta(days=1), bool(timedelta()), sorted([timedelta(1), timedelta(0, 5)]))
print(dt - timedelta(hours=15), dt + timedelta(days=365), datetime(2024, 3, 1) - datetime(2024, 2, 28, 12), date(2024, 3, 1) - timedelta(days=1))
print(date(2024, 1, 1) < date(2024, 1, 2), dt == datetime(2024, 3, 5, 14, 30, 15, 250000), {date(2024, 1, 1): 1}[date(2024, 1, 1)], date(2024, 1, 1) == datetime(2024, 1, 1))
print(isinstance(dt, date), dtm.MAXYEAR, max([date(2020, 5, 1), date(2021, 1, 1)]), (datetime(2024, 1, 2) - datetime(2024, 1, 1)).total_seconds())
for bad in [lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: datetime(2024, 1, 1, 24), lambda: date.fromisoformat("2024/01/01"), lambda: datetime.strptime("x", "%Y"), lambda: date(9999, 12, 31) + timedelta(days=1)]:
    try:
        print(bad())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
