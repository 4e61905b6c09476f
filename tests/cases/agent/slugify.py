def slugify(s):
    out = []
    prev_dash = False
    for ch in s.lower():
        if ch.isalnum():
            out.append(ch)
            prev_dash = False
        elif not prev_dash and out:
            out.append("-")
            prev_dash = True
    return "".join(out).rstrip("-")
for t in ["Hello, World!", "  Multiple   spaces  ", "Ünïcödé Tëxt", "already-slugged", "C++ & Python 3.13"]:
    print(repr(t), "->", slugify(t))
