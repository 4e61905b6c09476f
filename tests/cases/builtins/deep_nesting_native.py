# xfail: asan: sanitizer stack frames are several times larger, so the 4 MB C-stack bound stops repr/== before 3000 levels
# repr, str and == of nested containers recurse natively: CPython handles a few
# thousand levels and raises RecursionError (not a crash) far beyond that
def nest(n, wrap):
    x = None
    for _ in range(n):
        x = wrap(x)
    return x

a = nest(3000, lambda x: [x])
b = nest(3000, lambda x: [x])
print(len(repr(a)), len(str(a)), a == b, a != b)
d = nest(3000, lambda x: {"k": x})
print(len(repr(d)))
for wrap in (lambda x: [x], lambda x: {"k": x}):
    deep = nest(100000, wrap)
    try:
        repr(deep)
    except RecursionError as e:
        print("repr:", e)
deep1 = nest(100000, lambda x: [x])
deep2 = nest(100000, lambda x: [x])
try:
    print(deep1 == deep2)
except RecursionError as e:
    print("compare:", e)
try:
    print(f"{deep1}")
except RecursionError as e:
    print("format:", e)
