# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = f'{1:>1000000000}'
