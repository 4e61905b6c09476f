c = make_client("https://x")
c.get("/a", 5)  # expect: too-many-positional-arguments
c.post("/a")  # expect: unresolved-attribute
c.get("/a", timout=1)  # expect: unknown-argument "`timeout`"
