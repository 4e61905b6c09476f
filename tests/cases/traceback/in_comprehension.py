values = ["1", "2", "x"]
numbers = [int(v) for v in values]
