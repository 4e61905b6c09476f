lines = []
for h in search("news"):
    lines.append(f"{h.rank}. {h.title} ({h.url})")
report = "\n".join(lines)
print(report.upper())
