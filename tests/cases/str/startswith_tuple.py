files = ["a.py", "b.txt", "c.PY", "README", "d.pyi"]
print([f for f in files if f.endswith((".py", ".pyi"))])
print([f for f in files if f.lower().endswith(".py")])
print([f.rsplit(".", 1)[0] for f in files])
