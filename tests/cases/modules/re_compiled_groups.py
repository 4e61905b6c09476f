import re
pat = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)")
cfg = "host=localhost;port=5432;user=;debug=true"
for m in pat.finditer(cfg):
    print(m.group("key"), repr(m.group("val")), m.groupdict())
print({m["key"]: m["val"] for m in pat.finditer(cfg)})
print(pat.sub(lambda m: m.group("key").upper(), cfg))
print(re.sub(r"\s+", " ", "  lots   of\t\tspace \n here "), re.IGNORECASE == re.I)
print(re.findall(r"[a-z]+", "Hello World FOO bar", flags=re.IGNORECASE))
