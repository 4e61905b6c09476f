# expect: MemoryError|OverflowError
# args: --max-memory 32MB --max-duration 2
s = 'ab' * (2**62)
