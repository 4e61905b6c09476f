# xfail: lib/vm: huge format width gives ValueError instead of a MemoryError refusal
# expect: MemoryError
# args: --max-memory 32MB --max-duration 2
s = f'{1:>1000000000}'
