# xfail: monty: KeyError: 'd[k]'
print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]}".format(["p", "q"]), "{d[k]}".format(d={"k": "v"}))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{:08.3f}".format(3.14159))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{{}} {}".format(5), "{:,}".format(1234567), "{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{0}{0}{1}".format("ab", "c"), "{:x} {:o} {:b} {:#b}".format(255, 8, 5, 5))
