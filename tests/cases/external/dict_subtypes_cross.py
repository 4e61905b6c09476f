# Counter, defaultdict and OrderedDict cross the host boundary as plain dicts.
from collections import Counter, OrderedDict, defaultdict

counts = Counter("abracadabra")
groups = defaultdict(list)
for word in ["apple", "avocado", "banana"]:
    groups[word[0]].append(word)
ordered = OrderedDict([("z", 1), ("a", 2)])
ack = report(counts, groups, ordered=ordered)
print(ack)
