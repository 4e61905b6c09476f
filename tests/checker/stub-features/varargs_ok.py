print(varargs("a", 1, 2, 3), varargs("b"))
