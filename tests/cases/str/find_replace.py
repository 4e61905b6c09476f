s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 6), s.rfind("at"), s.find("dog"), s.index("sat"))
print(s.count("at"), s.count("the"), s.count(""), "aaaa".count("aa"))
print(s.replace("at", "og"), s.replace("the", "a", 1), "aaa".replace("", "-"))
print(s.startswith("the"), s.endswith("mat"), s.startswith(("a", "t")), s.endswith("at", 0, 7))
try:
    s.index("dog")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("dog")
except ValueError as e:
    print(type(e).__name__, e)
