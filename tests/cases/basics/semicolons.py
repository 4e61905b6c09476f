a = 1; b = 2; print(a + b)
if a: print("one-liner if")
for i in range(2): print(i)
while False: pass
def f(): return 42
print(f())
