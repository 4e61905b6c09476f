page = await fecth("https://a")  # expect: unresolved-reference "fetch"
