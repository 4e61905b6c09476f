# A string that a later += extended in place crosses the host boundary with exactly
# its own characters (as an argument, inside a list, as a keyword value and as a
# dict key), and so does the result.
line = "-" * 130
line = line + "_"
line = line + "a"
first = line
line += "b"
line += "c"
echo(first)
echo([first, line], tag=first)
echo({first: 1, line: 2})
res = echo(line)
res += "!"
print(res[-4:], first[-2:], line[-3:])
