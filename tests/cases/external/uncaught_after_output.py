data = load("a")
print("loaded", data)
value = data["missing"]
