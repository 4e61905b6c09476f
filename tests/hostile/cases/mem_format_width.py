# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = '{:>1000000000}'.format(1)
