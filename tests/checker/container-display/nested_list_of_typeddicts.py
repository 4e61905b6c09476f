create_users([{"name": "a", "email": "e"}])
