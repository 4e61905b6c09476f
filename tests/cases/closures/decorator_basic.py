def shout(fn):
    def wrapper(*args, **kwargs):
        return str(fn(*args, **kwargs)).upper() + "!"
    return wrapper
@shout
def greet(name, punct=""):
    return "hello " + name + punct
print(greet("ann"), greet("bob", punct="?"))
def twice(fn):
    return lambda x: fn(fn(x))
@twice
@twice
def inc(x):
    return x + 1
print(inc(0))
