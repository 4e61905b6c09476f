page = await fetch("a", "b")  # expect: too-many-positional-arguments
