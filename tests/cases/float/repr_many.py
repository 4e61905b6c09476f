seed = 42
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed
out = []
for i in range(40):
    r = rnd()
    mant = (r >> 11) / 2 ** 53
    exp = (r % 40) - 20
    out.append(repr(mant * 10.0 ** exp))
print("\n".join(out))
