calls = []
def t(v):
    calls.append(v)
    return v
print(t(0) and t(1), calls)
calls.clear()
print(t(1) or t(2), calls)
calls.clear()
print(t(1) and t(0) and t(3), calls)
calls.clear()
print(t("") or t(None) or t("x"), calls)
