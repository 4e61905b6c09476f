config = {"host": "x"}
print(config["host"])
print(config["port"])
