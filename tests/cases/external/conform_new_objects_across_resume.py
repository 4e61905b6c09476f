# values of the newer types stay alive across a host call (durable resume)
import json, heapq, copy
from datetime import datetime, time, date
from collections import Counter, namedtuple
from functools import cmp_to_key
opening = time(9, 30)
cal = date(2024, 3, 15).isocalendar()
rev = reversed([1, 2, 3])
first = next(rev)
tasks = [(3, "c"), (1, "a"), (2, "b")]
heapq.heapify(tasks)
counts = Counter("abracadabra") - Counter("aa")
err = group = None
try:
    json.loads("[1,]")
except json.JSONDecodeError as e:
    err = e
try:
    raise ExceptionGroup("batch", [ValueError("x"), KeyError("k")])
except ExceptionGroup as e:
    group = e
key = cmp_to_key(lambda a, b: len(a) - len(b))
ts = fetch_time("job")
when = datetime.combine(date(2024, 3, 15), opening)
print(opening, cal, first, list(rev), heapq.heappop(tasks), counts.most_common(2))
print(err.pos, err.msg, group.exceptions, str(group), ts, when.time() >= opening)
print(sorted(["ccc", "a", "bb"], key=key), copy.deepcopy({"t": [opening]}))
