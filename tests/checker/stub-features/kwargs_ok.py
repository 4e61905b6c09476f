print(kwargs(a="1", b="2"), kwargs())
