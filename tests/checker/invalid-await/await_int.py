x = await 3  # expect: invalid-await
