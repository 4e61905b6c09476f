# xfail-asan: vm: map()/sorted(key=) call back into Python through a nested C-level interpreter (contract 2); ASan's bigger frames overflow the C stack
# expect: RecursionError
# args: --max-memory 32MB --max-duration 2
def k(x):
    return sorted([1, 2], key=k)
k(1)
