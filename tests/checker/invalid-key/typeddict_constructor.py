u = User(id=1, name="a", email="e", role="admin")  # expect: invalid-key
