def round_robin(*iters):
    its = [iter(i) for i in iters]
    while its:
        nxt = []
        for it in its:
            try:
                yield next(it)
                nxt.append(it)
            except StopIteration:
                pass
        its = nxt
print(list(round_robin("abc", [1, 2], "XYZW")))
