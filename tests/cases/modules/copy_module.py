import copy
from collections import defaultdict, Counter, OrderedDict, deque, namedtuple
Pt = namedtuple("Pt", "x y")
orig = {"a": [1, 2, {"b": [3]}], "t": (1, [2]), "s": {1, 2}, "n": None}
dc = copy.deepcopy(orig); sc = copy.copy(orig)
dc["a"][2]["b"].append(4); sc["a"].append(5); dc["t"][1].append(9)
print(orig, dc, sc, dc == orig, sc["a"] is orig["a"], dc["a"] is orig["a"])
shared = [1]; pair = [shared, shared]; cp = copy.deepcopy(pair); print(cp[0] is cp[1], cp[0] is shared)
cyc = [1]; cyc.append(cyc); cc = copy.deepcopy(cyc); print(cc[1] is cc, cc is cyc)
dd = defaultdict(list, {"k": [1]}); dd2 = copy.deepcopy(dd); dd2["k"].append(2); dd2["new"].append(0)
print(dd, dd2, type(copy.copy(dd)).__name__)
c = Counter("aab"); print(copy.copy(c), copy.deepcopy(OrderedDict(a=[1])), copy.deepcopy(deque([[1]], maxlen=2)), copy.deepcopy(Pt([1], 2)))
t = (1, 2, "x"); print(copy.deepcopy(t) is t, copy.copy([1, 2]), copy.copy(5), copy.deepcopy("s"), copy.deepcopy(frozenset({(1, 2)})))
print(copy.copy({1, 2}), copy.deepcopy([{1: [2]}, ({"a": 1},)]))

