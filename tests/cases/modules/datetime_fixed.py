from datetime import date, datetime, timedelta
d = date(2024, 2, 28)
print(d, d + timedelta(days=2), d.weekday(), d.isoformat(), d.strftime("%d/%m/%Y"))
dt = datetime(2024, 3, 5, 14, 30)
print(dt, dt.isoformat(), (dt - datetime(2024, 1, 1)).days, dt.strftime("%Y-%m-%d %H:%M"))
print(datetime.fromisoformat("2023-12-31T23:59:00") + timedelta(minutes=2))
print(timedelta(hours=36), timedelta(seconds=90).total_seconds())
