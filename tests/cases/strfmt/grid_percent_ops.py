fmts = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%X", "%o", "%#o", "%e", "%.2e", "%f", "%.1f",
        "%10.3f", "%-10.3f|", "%g", "%G", "%s", "%r", "%a", "%c", "%%d", "%5s|", "%-5s|", "%.2s"]
for v in [0, 42, -42, 3.5, "x"]:
    row = []
    for f in fmts:
        try:
            row.append(f % v)
        except (TypeError, ValueError, OverflowError) as e:
            row.append(f"<{type(e).__name__}: {e}>")
    print(repr(v), row)
