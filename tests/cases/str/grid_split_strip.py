samples = ["a,b,,c", ",a,", "  a  b  ", "", "abc", "a\nb\r\nc\n", "::a::b::"]
for s in samples:
    print(repr(s), s.split(","), s.split(), s.split(",", 1), s.rsplit(",", 1), s.splitlines(), s.strip(":, "), s.partition(","), s.rpartition(","))
