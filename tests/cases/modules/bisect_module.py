import bisect
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 0), bisect.bisect(a, 100))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
grades = "FDCBA"; bps = [60, 70, 80, 90]
print([grades[bisect.bisect(bps, s)] for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [(1, "a"), (5, "b"), (9, "c")]
print(bisect.bisect_left(recs, 5, key=lambda r: r[0]), bisect.bisect_right(recs, 5, key=lambda r: r[0]))
bisect.insort(recs, (6, "x"), key=lambda r: r[0]); print(recs)
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print("ValueError:", e)
