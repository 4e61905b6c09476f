# Text work as agents do it on tool output: parse log-like lines (split, strip, lower,
# startswith, find, partition, replace), normalise fields, render them back with
# f-strings, % and str.format, str()/repr() of ints and floats, and join a report.
seed = 11
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

levels = ["INFO", "WARN", "ERROR", "DEBUG"]
services = ["auth", "billing", "search", "Mailer", "API-Gateway"]
lines = []
for i in range(8000):
    ms = rnd(5000) / 7
    lines.append(f"  2024-05-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z "
                 f"[{levels[rnd(4)]}] {services[rnd(5)]}: request id={i} "
                 f"user=User_{rnd(300)} took {ms:.2f}ms status={200 + rnd(4) * 100}  ")
text = "\n".join(lines)

for rep in range(6):
    counts = {}
    slow = []
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        stamp, _, rest = line.partition(" ")
        level = rest[1:rest.find("]")].lower()
        service, _, msg = rest[rest.find("]") + 2:].partition(": ")
        service = service.lower().replace("-", "_")
        fields = {}
        for part in msg.split():
            if "=" in part:
                k, _, v = part.partition("=")
                fields[k] = v
        took = float(msg[msg.find("took ") + 5:msg.find("ms")])
        status = int(fields["status"])
        user = fields["user"].lower()
        key = service + ":" + level
        counts[key] = counts.get(key, 0) + 1
        if took > 500 and status >= 400:
            slow.append((took, stamp[:10], service, user))
        out.append(f"{stamp[:10]}|{level:<5}|{service:>12}|{user:<9}|{took:8.1f}|{status}")
        if level == "error":
            out.append("  ! %s %s took %.3f (%r)" % (service, user, took, fields["id"]))
    slow.sort(reverse=True)
    summary = [str(n) + " " + k for k, n in sorted(counts.items())]
    top = ["{0:>9} {1} {2:<12} {3}".format(repr(round(t, 1)), d, s, u) for t, d, s, u in slow[:50]]
    report = "\n".join(out) + "\n" + "; ".join(summary) + "\n" + "\n".join(top)
print(len(report), len(out), len(slow), summary[0], top[0], report.count("error"),
      str(len(text)), repr(slow[-1][0]))
