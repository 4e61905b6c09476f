for n in [0, 7, -7, 123, -1234]:
    print(str(n).zfill(5), f"{n:05d}", "%05d" % n, format(n, "+06d"))
