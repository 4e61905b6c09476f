# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
for i in range(10**15):
    pass
