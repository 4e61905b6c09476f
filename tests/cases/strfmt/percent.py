# xfail: monty: TypeError: %c requires an int or a unicode character, not int
print("%s is %d years" % ("Ann", 31))
print("%5.2f|%-8s|%08.3f|%x|%X|%o|%e|%g" % (3.14159, "hi", 2.5, 255, 255, 8, 12345.678, 0.0001))
print("%r %s" % ("q", "q"), "%%", "%c%c" % (72, "i"), "%+d % d" % (5, 5))
print("%(name)s=%(val)d" % {"name": "x", "val": 3}, "%s" % [1, 2], "%s" % (1,))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"), "%*d|%-*d|" % (5, 42, 4, 7))
print("%d%%" % 50, "%i" % 3.9, "%.3d" % 7, "%#x %#o" % (255, 8))
