print("a", "b", "c", sep="-")
print("no newline", end="")
print("!")
