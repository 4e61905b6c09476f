# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
try:
    l = [0] * 10**9
except MemoryError:
    print('caught')
l = []
while True:
    l.append([0] * 1000)
