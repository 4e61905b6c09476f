# xfail: vm: big-int multiply is not refused before it outgrows max_memory, nor time-checked (hangs)
# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
x = 3
while True:
    x = x * x
