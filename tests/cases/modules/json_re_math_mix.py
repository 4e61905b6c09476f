import json
import re
import math
records = json.loads('[{"n": "a", "v": 1.5}, {"n": "b", "v": -2}, {"n": "c", "v": null}]')
clean = [r for r in records if isinstance(r["v"], (int, float))]
print(clean, math.fsum(r["v"] for r in clean))
print(json.dumps(records, separators=(",", ":")), json.dumps({"pi": math.pi, "inf": 1e400}))
print(re.sub(r"(?P<w>\w+)@", lambda m: m["w"].upper() + " at ", "ann@x bob@y"))
print(re.findall(r"\b\w{3}\b", "the cat sat on a mat"), re.split(r"\s*,\s*", "a , b,c"))
m = re.match(r"(\d+)-(\d+)?", "12-")
print(m.groups(), m.group(2), m.lastindex, re.compile(r"x*").findall("axxb"))
print(math.floor(-2.5), math.ceil(2.1), math.sqrt(2) ** 2 == 2, math.isclose(math.sqrt(2) ** 2, 2))
print(math.comb(52, 5), math.factorial(25), math.gcd(2 ** 40, 6 ** 20), round(math.log(1e100), 6))
print(json.loads("1e400"), json.loads("-0"), json.loads('"\\u00e9\\ud83c\\udf89"'), json.dumps("🎉"))
