import re

data = b"a.b\r\nc"
fixed = re.sub(rb"\r\n", b"\n", data)
print(fixed + b"!", re.compile(b"[a-z]").findall(data), re.escape("a.b"))
