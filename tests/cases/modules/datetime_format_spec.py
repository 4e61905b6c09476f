from datetime import datetime, date, timedelta
d = datetime(2024, 3, 5, 14, 7, 9)
print(f"{d:%Y-%m-%d %H:%M}", f"{d.date():%d %b %Y}", "{:%A}".format(d), format(d, "%j"), f"{d:}", f"{d!s:>25}", f"{date(2024,1,2)}")
print(f"Report for {date(2024, 12, 25):%B %d, %Y}: ok")
