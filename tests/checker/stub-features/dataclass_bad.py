Job()  # expect: missing-argument "`name`"
Job("a", 1, "o", 4)  # expect: too-many-positional-arguments
Job("a", retry=1)  # expect: unknown-argument "`retries`"
print(make_job("a").nmae)  # expect: unresolved-attribute "`name`"
