s = "é\n"
print(f"{s!r}", f"{s!a}", f"{s!s}".strip(), f"{42!r:>5}")
class_name = type(3.5).__name__
print(f"{class_name!r:^10}|")
print(f"{None!s:>6}|{True!r}")
