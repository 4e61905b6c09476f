raw = "  Alice Smith , BOB jones,carol  O'Neil "
names = [n.strip().title() for n in raw.split(",")]
print(names)
initials = ["".join(p[0] for p in n.split()) for n in names]
print(initials)
print(", ".join(sorted(names, key=lambda n: n.split()[-1])))
