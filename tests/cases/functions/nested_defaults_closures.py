def make_formatter(prefix="[", suffix="]", upper=False):
    def fmt(s, *, sep=" "):
        s = s.upper() if upper else s
        return prefix + sep.join(s.split()) + suffix
    return fmt
f1 = make_formatter()
f2 = make_formatter("<", ">", upper=True)
print(f1("a  b c"), f2("x y"), f1("p q", sep="-"), f2("z", sep=""))
