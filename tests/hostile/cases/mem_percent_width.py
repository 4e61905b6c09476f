# xfail: vm: '%1000000000d' % 1 allocates outside max_memory (completes)
# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = '%1000000000d' % 1
