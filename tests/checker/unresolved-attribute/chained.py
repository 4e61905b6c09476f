print(summarize("x").strip().lower().titel())  # expect: unresolved-attribute "`title`"
