def greet(name: str | None = None) -> str:
    if name is None:
        name = "world"
    return "hello " + name

print(greet(), greet("bob"))
