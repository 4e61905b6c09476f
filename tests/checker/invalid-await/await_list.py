r = await [fetch("a")]  # expect: invalid-await
