s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, "abcdef"[s], [0, 1, 2, 3, 4, 5][s])
print(slice(3), slice(None, None, -1), "hello"[slice(None, None, -1)])
print(slice(1, 10, 3).indices(5))
