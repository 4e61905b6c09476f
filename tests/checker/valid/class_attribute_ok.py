print([].__class__.__name__, (1).__class__, type("x").__name__)
