from math import sqroot  # expect: unresolved-import "`sqrt`"
