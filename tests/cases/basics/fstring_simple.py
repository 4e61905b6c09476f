name = "Ann"
age = 31
print(f"{name} is {age}")
print(f"{name!r} next year {age + 1}")
print(f"{{literal}} {name}")
print(f"")
print(f"{1}{2}{3}")
x = 3.5
print(f"x={x} list={[1, 2]} dict={ {'a': 1} }")
