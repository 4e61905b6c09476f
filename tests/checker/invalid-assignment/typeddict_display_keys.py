# A dict display assigned to a name declared as a TypedDict is checked key by key.
u: User = {"id": 1}  # expect: invalid-assignment "Missing required key"; invalid-assignment "in the `User` assigned to `u`"
u2: User = {"id": 1, "name": "a", "email": "e", "emial": "x"}  # expect: invalid-key "did you mean"
u3: User = {"id": "1", "name": "a", "email": "e"}  # expect: invalid-assignment "expected `int`"
ok: User = {"id": 1, "name": "a", "email": "e"}
o: Order = {}
w: Weather = {"city": "a", "temp": 1, "summary": "s"}
spread: User = {**ok, "id": 2}
print(u, u2, u3, o, w, spread)
