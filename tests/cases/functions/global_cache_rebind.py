# Global and builtin lookups stay correct when names are rebound, deleted or shadowed
# mid-loop (the interpreter caches them per instruction).
def use_len(xs):
    return len(xs)


out = []
for i in range(6):
    out.append(use_len([1, 2, 3]))
    if i == 1:
        len = lambda x: 100
    if i == 3:
        del len
print(out)

counter = 0


def bump():
    global counter
    counter += 1
    return counter


for _ in range(5):
    bump()
print(counter)
del counter
try:
    bump()
except NameError as e:
    print("NameError:", e)
counter = 10
print(bump())


def late():
    return later_defined * 2


try:
    late()
except NameError as e:
    print("NameError:", e)
later_defined = 21
print(late())
later_defined = 5
print(late())


def shadow_builtin():
    return abs(-3)


print(shadow_builtin())
abs = str
print(shadow_builtin())
del abs
print(shadow_builtin())

# many globals: the globals dict grows (and is rebuilt) while cached entries exist
def read_g0():
    return g0


g0 = "first"
print(read_g0())
for k in range(40):
    exec_name = "v%d" % k
    globals_list = [exec_name]
v0 = v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = v9 = 0
w0 = w1 = w2 = w3 = w4 = w5 = w6 = w7 = w8 = w9 = 1
print(read_g0())
del g0
g0 = "second"
print(read_g0())
total = 0
for i in range(100):
    total += i
print(total)
