import re

pattern = re.compile(r"(\w+)@(\w+)\.com")
m = pattern.search("mail bob@example.com now")
if m:
    print(m.group(1), m.groups(), m.span())
for match in re.finditer(r"\d+", "a1 b22"):
    print(match.group(0))
print(re.sub(r"\s+", " ", "a   b"), re.findall(r"\d", "a1b2"), re.split(",", "a,b"))
