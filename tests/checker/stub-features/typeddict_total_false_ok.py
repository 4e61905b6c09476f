p = get_profile(1)
print(p["id"] + 1, p.get("nickname", "anon"), p.get("tags", []))
prof = Profile(id=3)
prof2 = Profile(id=4, nickname="n")
