log = []
def t(x):
    log.append(x)
    return x
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(log); log.clear()
l = [t(1), t(2)] + [t(3)]
print(log); log.clear()
def f(a, b, *c, d=None, **e):
    return a
f(t("a"), t("b"), *[t("c")], d=t("d"), **{"e": t("e")})
print(log); log.clear()
r = t(1) < t(2) < t(3)
print(r, log); log.clear()
r = t(3) < t(2) < t(1)
print(r, log); log.clear()
x = [0, 0, 0]
x[t(1)] = t(5)
print(x, log); log.clear()
a = t("left") if t(True) else t("right")
print(a, log); log.clear()
v = t(2) ** t(3) ** t(2)
print(v, log); log.clear()
s = f"{t('x')}{t('y')}"
print(s, log)
