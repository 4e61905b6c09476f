create_user({"name": "a", "emial": "e"})  # expect: invalid-key "did you mean"; invalid-argument-type "email"
