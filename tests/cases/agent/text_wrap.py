def wrap(text, width):
    words = text.split()
    lines = []
    cur = ""
    for w in words:
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += " " + w
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines
text = "The quick brown fox jumps over the lazy dog and keeps running far beyond the hills of the valley"
for width in (10, 20, 35):
    lines = wrap(text, width)
    print(f"width={width} lines={len(lines)}")
    for l in lines:
        print(f"|{l:<{width}}|")
