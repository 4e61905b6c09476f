data = {"users": [{"name": "a"}]}
name = data["users"][0]["name"]
email = data["users"][0]["email"]
