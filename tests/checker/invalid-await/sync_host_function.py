w = await get_weather("Paris")  # expect: invalid-await "remove `await`"
