create_user({"name": "a", "email": "e", "age": "old"})  # expect: invalid-argument-type "age"
