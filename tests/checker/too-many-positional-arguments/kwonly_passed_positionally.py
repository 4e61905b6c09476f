send_email("a", "b", "c", ["cc"])  # expect: too-many-positional-arguments
