# String building: f-strings, join, concatenation, methods and formatting.
for rep in range(8):
    parts = []
    for i in range(50000):
        parts.append(f"{i:05d}:{i * 7 % 13}")
    s = ",".join(parts)
    words = s.split(",")
    upper = [w.upper().replace(":", "=") for w in words[:20000]]
    acc = ""
    for w in words[:20000]:
        acc += w[-1]
    report = "\n".join("%-8s|%6.2f" % (w, len(w) / 3) for w in words[:10000])
print(len(s), len(upper), len(acc), acc.count("1"), len(report), report[-20:])
