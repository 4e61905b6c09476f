print(translate(["a", "b"], "fr"))  # expect: invalid-argument-type
