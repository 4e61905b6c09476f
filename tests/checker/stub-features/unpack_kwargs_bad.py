# **opts: Unpack[Opts] — the TypedDict's keys are the keyword arguments.
print(query("x", limt=1))  # expect: unknown-argument "did you mean `limit`"
print(query("x", limit="1"))  # expect: invalid-argument-type "expects `int`"
print(query("x", offset=2, limit=1))
opts = {"limit": 3}
print(query("x", **opts))
