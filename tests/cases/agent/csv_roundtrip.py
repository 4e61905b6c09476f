rows = [["id", "name", "score"], ["1", "Ann Lee", "93.5"], ["2", "Bob, Jr.", "88"], ["3", "Cy", ""]]
def to_csv(rows):
    out = []
    for r in rows:
        out.append(",".join('"' + c + '"' if "," in c else c for c in r))
    return "\n".join(out)
text = to_csv(rows)
print(text)
scores = [float(r[2]) for r in rows[1:] if r[2]]
print(f"avg {sum(scores) / len(scores):.2f} of {len(scores)}")
