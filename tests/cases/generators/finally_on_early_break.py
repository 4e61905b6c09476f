# xfail: stdout line 2: expected 'gen finally', got 'after loop'
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for x in g():
    print("got", x)
    break
print("after loop")
