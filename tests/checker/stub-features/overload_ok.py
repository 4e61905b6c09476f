print(parse("1") + 1, parse(b"1", "utf-8"))
