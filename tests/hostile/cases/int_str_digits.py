# expect: ValueError
# args: --max-memory 32MB --max-duration 2
s = str(10 ** 5000)
