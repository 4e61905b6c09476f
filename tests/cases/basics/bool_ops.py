print(True and False, True or False, not True, not 0, not "")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "x", None or 0)
print(True + True, True * 10, False - 1)
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool({}))
