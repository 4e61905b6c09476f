samples = ["", "abc", "ABC", "Hello World", "  padded  ", "tab\tsep", "a1b2", "ÉCOLE", "straße", "ǅungla", "x y\nz", "123", "1.5"]
methods = ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "strip", "isalpha", "isdigit",
           "isalnum", "isspace", "istitle", "isupper", "islower", "isnumeric", "isdecimal", "isidentifier", "isprintable"]
for m in methods:
    print(m, [getattr(s, m)() for s in samples])
