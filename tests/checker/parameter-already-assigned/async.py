r = await fetch_json("u", None, params={})  # expect: parameter-already-assigned
