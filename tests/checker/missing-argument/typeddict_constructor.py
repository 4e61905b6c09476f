from typing import TypedDict
u: User = User(id=1, name="x")  # expect: missing-argument "email"
