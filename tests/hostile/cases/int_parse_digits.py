# expect: ValueError
# args: --max-memory 32MB --max-duration 2
n = int('9' * 5000)
