from typing import Any
d = fetch_document("x")
print(d)
