values = [lookup(k) for k in ["a", "b"]]

def outer():
    total = 0
    def add(n):
        nonlocal total
        total += n
    add(2)
    return total

state = None

def init():
    global state
    state = {"ready": True}

init()
print(state["ready"], outer())

try:
    import json
except ImportError:
    json = None
if json is not None:
    print(json.dumps([1]))

if max_items > 3:
    def pick(a):
        return a
else:
    def pick(a, b=0):
        return a + b
print(pick(1))
