text = "a,b,c"
parts = text.split(",")
print(parts[0].upper())
print(parts.upper())
