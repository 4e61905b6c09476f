from collections import defaultdict, Counter, OrderedDict, deque
import datetime, re, json, statistics
values = [defaultdict(int), Counter(), OrderedDict(), deque(), datetime.date(2024, 1, 1),
          datetime.datetime(2024, 1, 1), datetime.timedelta(1), re.compile("a"), re.match("a", "a")]
for v in values:
    print(type(v).__name__, type(v).__qualname__)
print(json.JSONDecodeError.__name__, statistics.StatisticsError.__name__)
statistics.mean([])
