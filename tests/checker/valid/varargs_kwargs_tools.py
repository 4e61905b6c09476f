log("start", 1, 2.0, level="debug")
log()
record("evt", user="bob", count=3)
record(name="evt2")
