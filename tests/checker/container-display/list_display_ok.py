print(compute_stats([1.0, 2, 3.5]), mean([1, 2.5]), mean((1.0, 2.0)), pick(["a", "b"]))
vals = [1.0]
anything(["x", 1, None])
