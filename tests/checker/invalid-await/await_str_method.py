s = await summarize("x").strip()  # expect: invalid-await
