# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
# A big-int power whose result fits the memory limit but would take minutes:
# the time limit must hold inside the exponentiation itself.
x = 7 ** 10**8
