create_user(user={"name": "a"})  # expect: invalid-argument-type "Missing required key"
