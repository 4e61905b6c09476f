# Methods a stub class inherits from its bases (a stub class and a builtin
# generic) are bound methods: no `self` argument is missing.
c = get()
print(c.name(), c.size())
d = getd()
print(list(d.keys()), d.get("a"), d.get("b", 0), d.extra())
