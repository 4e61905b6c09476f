print("key=value=x".partition("="), "novalue".partition("="))
print("a.b.c".rpartition("."), "abc".rpartition("."))
k, _, v = "name: Ann".partition(": ")
print(k, v)
