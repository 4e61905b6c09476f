r = echo("line1\nline2\t\"quoted\" \\ é 🎉")
print(repr(r))
print(r.splitlines())
