# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
s = 'a' * 10**6
while True:
    s.find('b')
