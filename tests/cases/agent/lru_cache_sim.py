capacity = 3
cache = {}
order = []
hits = misses = 0
for key in ["a", "b", "a", "c", "d", "b", "a", "e", "a", "c"]:
    if key in cache:
        hits += 1
        order.remove(key)
    else:
        misses += 1
        if len(cache) >= capacity:
            old = order.pop(0)
            del cache[old]
        cache[key] = key.upper()
    order.append(key)
    print(key, order)
print(f"hits={hits} misses={misses} ratio={hits / (hits + misses):.2f}")
