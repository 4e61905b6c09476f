import re
log = """2024-03-05 10:15:02 ERROR [db] timeout after 30s (query=select)
2024-03-05 10:15:09 INFO [web] GET /index 200 12ms
2024-03-05 10:16:40 ERROR [auth] invalid token for user=bob
2024-03-05 10:17:00 WARN [web] GET /slow 200 1530ms"""
pat = re.compile(r"^(\S+) (\S+) (\w+) \[(\w+)\] (.*)$", re.M)
for date, time, level, comp, msg in pat.findall(log):
    if level != "INFO":
        print(time, level, comp, msg[:25])
ms = [int(m) for m in re.findall(r"(\d+)ms", log)]
print(ms, max(ms))
print(re.sub(r"user=(\w+)", lambda m: "user=" + m.group(1).upper(), log.splitlines()[2]))
