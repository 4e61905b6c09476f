kw_only(flag=True)
kw_only(flag=False, level=2)
