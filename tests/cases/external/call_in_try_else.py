try:
    v = compute(2)
except ValueError:
    print("failed")
else:
    w = compute(v)
    print("else got", v, w)
finally:
    print("finally")
