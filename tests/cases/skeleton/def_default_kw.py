def greet(name, greeting="hi"):
    return greeting + " " + name
print(greet("ann"))
print(greet("bob", "yo"))
print(greet(greeting="hey", name="cy"))
