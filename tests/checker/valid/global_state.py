seen = set()
calls = 0

def remember(key):
    global calls
    calls += 1
    if key in seen:
        return False
    seen.add(key)
    return True

remember("a")
print(remember("a"), calls)
