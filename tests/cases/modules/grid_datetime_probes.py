import datetime
probes = [
    lambda: datetime.date(2024, 1, 31) + datetime.timedelta(days=1),
    lambda: str(datetime.datetime(2024, 2, 29, 23, 59, 59) + datetime.timedelta(seconds=1)),
    lambda: datetime.date(2024, 3, 10).strftime("%A %B %d %Y %j %U"),
    lambda: datetime.date(2023, 12, 31).isocalendar(),
    lambda: datetime.datetime.strptime("05/03/2024 14:30", "%d/%m/%Y %H:%M"),
    lambda: repr(datetime.timedelta(days=-1, seconds=5)),
    lambda: str(datetime.timedelta(days=-1, seconds=5)),
    lambda: datetime.timedelta(hours=1) / datetime.timedelta(minutes=7),
    lambda: datetime.date(2024, 1, 1) < datetime.date(2024, 1, 2),
    lambda: sorted([datetime.date(2024, 5, 1), datetime.date(2023, 5, 1)]),
    lambda: datetime.date.fromisoformat("2024-02-30"),
    lambda: datetime.datetime(2024, 1, 1).weekday(),
    lambda: datetime.datetime(2024, 1, 1, 12).isoformat(sep=" "),
    lambda: datetime.timedelta(weeks=2, days=1).days,
    lambda: (datetime.date(2024, 12, 25) - datetime.date(2024, 1, 1)).days,
]
src = [
    'datetime.date(2024, 1, 31) + datetime.timedelta(days=1)',
    'str(datetime.datetime(2024, 2, 29, 23, 59, 59) + datetime.timedelta(seconds=1))',
    'datetime.date(2024, 3, 10).strftime("%A %B %d %Y %j %U")',
    'datetime.date(2023, 12, 31).isocalendar()',
    'datetime.datetime.strptime("05/03/2024 14:30", "%d/%m/%Y %H:%M")',
    'repr(datetime.timedelta(days=-1, seconds=5))',
    'str(datetime.timedelta(days=-1, seconds=5))',
    'datetime.timedelta(hours=1) / datetime.timedelta(minutes=7)',
    'datetime.date(2024, 1, 1) < datetime.date(2024, 1, 2)',
    'sorted([datetime.date(2024, 5, 1), datetime.date(2023, 5, 1)])',
    'datetime.date.fromisoformat("2024-02-30")',
    'datetime.datetime(2024, 1, 1).weekday()',
    'datetime.datetime(2024, 1, 1, 12).isoformat(sep=" ")',
    'datetime.timedelta(weeks=2, days=1).days',
    '(datetime.date(2024, 12, 25) - datetime.date(2024, 1, 1)).days',
]
for text, p in zip(src, probes):
    try:
        print(text, "->", repr(p()))
    except Exception as e:
        print(text, "->", type(e).__name__, e)
