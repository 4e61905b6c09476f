log = []
def g():
    try:
        for i in range(10):
            yield i
    finally:
        log.append("closed")
it = g()
print(next(it), next(it))
it.close()
print(log)
try:
    next(it)
except StopIteration:
    print("exhausted after close")
