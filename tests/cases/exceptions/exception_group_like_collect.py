errors = []
def attempt(fn, *args):
    try:
        return fn(*args)
    except Exception as e:
        errors.append(f"{fn.__name__}{args}: {type(e).__name__}: {e}")
        return None
def div(a, b):
    return a / b
def idx(seq, i):
    return seq[i]
def conv(s):
    return int(s)
print([attempt(div, 1, 0), attempt(idx, [1], 3), attempt(conv, "x"), attempt(div, 6, 3), attempt(idx, "ab", -1)])
for e in errors:
    print(e)
