varargs("a", 1, "two")  # expect: invalid-argument-type "`*rest`"
