import heapq
rows = [{"n": "b", "v": 2}, {"n": "a", "v": 2}, {"n": "c", "v": 1}]
h = []
for x in [5, 1, 8, 3, 2, 9, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data); print(data)
print([heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 9, 3, 9]), heapq.nsmallest(2, [5, 1, 9, 3]), heapq.nlargest(2, rows, key=lambda r: r["v"]), heapq.nsmallest(10, [3, 1]))
h = [(2, "b"), (1, "a")]; heapq.heapify(h); heapq.heappush(h, (0, "z")); print(h, heapq.heappushpop(h, (5, "q")), heapq.heapreplace(h, (1, "c")), h)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(["b", "d"], ["a", "c"], key=str.upper)), list(heapq.merge([7, 4], [5, 1], reverse=True)))
tasks = []
heapq.heappush(tasks, (3, "write")); heapq.heappush(tasks, (1, "plan")); heapq.heappush(tasks, (2, "code"))
while tasks:
    pr, t = heapq.heappop(tasks); print(pr, t)
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
