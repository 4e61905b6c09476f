print(abs(-0.0), abs(-1e-300), abs(float("-inf")), -0.0, 0.0 * -1, repr(-0.0 + 0.0))
