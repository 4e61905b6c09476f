p = get_profile(1)
print(p["nick"])  # expect: invalid-key "nickname"
Profile(nickname="x")  # expect: missing-argument "id"
Profile(id="x")  # expect: invalid-argument-type
