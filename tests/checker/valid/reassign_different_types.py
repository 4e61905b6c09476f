value = "3"
value = int(value)
print(value + 1)
value = [value]
print(value[0])
