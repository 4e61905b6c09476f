# Keyword-argument calls: keyword arguments to Python functions (with defaults and
# keyword-only parameters), **kwargs forwarding and dict(**...) building.
def score(value, *, weight=1.0, bias=0.0, clamp=None):
    s = value * weight + bias
    if clamp is not None and s > clamp:
        s = clamp
    return s


def make_record(name, kind="item", **extra):
    rec = {"name": name, "kind": kind}
    rec.update(extra)
    return rec


def forward(*args, **kwargs):
    return score(*args, **kwargs)


total = 0.0
for i in range(120000):
    total += score(i, weight=0.5, bias=1.0)
    total += score(i, clamp=100.0)
    total += forward(i, weight=2.0)
recs = [make_record("n%d" % i, kind="k", size=i, ok=i % 2 == 0) for i in range(40000)]
print(round(total, 2), len(recs), recs[-1], sum(r["size"] for r in recs if r["ok"]))
