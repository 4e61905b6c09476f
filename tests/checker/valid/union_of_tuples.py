ranges = [(0x20, 0x80), (0x370, 0x400, 3)]
for r in ranges:
    step = r[2] if len(r) > 2 else 1
    print(r[0], r[1], step)
def pick(flag):
    if flag:
        return get_weather("x")
    return get_user(1)
rec = pick(True)
if rec is not None:
    print(rec["city"] if "city" in rec else rec["name"])
