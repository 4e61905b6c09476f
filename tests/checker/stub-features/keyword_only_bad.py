kw_only(True)  # expect: too-many-positional-arguments; missing-argument "`flag`"
