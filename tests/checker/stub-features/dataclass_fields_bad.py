c = Child("1", "2", 3, 4)  # expect: too-many-positional-arguments "expected 3, got 4"
c2 = Child(extra=2)  # expect: missing-argument "`id`"
w = WithClassVar(kind="y", name="n")  # expect: unknown-argument "`kind`"
w2 = WithClassVar("n", {}, 3)  # expect: too-many-positional-arguments
o = Opts(1)  # expect: too-many-positional-arguments; missing-argument "`a`"
m = Mixed(1, 2)  # expect: too-many-positional-arguments
n = NT()  # expect: missing-argument "`a`"
x = WithCb("a")  # expect: missing-argument "`cb`"
