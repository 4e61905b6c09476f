parts = []
for i in range(1, 6):
    parts.append(f"{i}^2={i * i}")
line = "; ".join(parts)
print(line)
print(len(line), line.count(";"), line.upper()[:10])
out = ""
for w in ["alpha", "beta", "gamma"]:
    out += w[0].upper() + w[1:] + " "
print(out.strip() + ".")
