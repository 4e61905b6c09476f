def greet(name, greeting="hi"):
    return greeting + name
print(greet("bob", greting="yo"))  # expect: unknown-argument "`greeting`"
