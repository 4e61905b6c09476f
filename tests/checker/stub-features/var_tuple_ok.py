for v in pairs():
    print(v + 1)
print(pairs()[5])
