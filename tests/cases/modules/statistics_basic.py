import statistics as s
print(s.mean([1,2,3]), s.mean([1,2,3,4]), s.mean([0.1,0.2,0.3]), s.fmean([1,2]), s.median([3,1,2]), s.median([1,2,3,4]), s.median_low([1,2,3,4]), s.median_high([1,2,3,4]))
print(s.mode([1,1,2]), s.mode("aab"), s.multimode("aabbc"), s.variance([1,2,3,4]), s.stdev([1,2,3,4]), s.pvariance([1,2,3,4]), s.pstdev([1,2,3,4]), s.variance([1.5,2.5,2.5]))
print(s.quantiles([1,2,3,4,5,6,7,8,9,10]), s.variance([1, 3]), s.mean(x * 0.5 for x in range(5)), s.mean([1, 2.5]), s.stdev([2.5, 3.25, 5.5, 11.25]))
for f in [lambda: s.mean([]), lambda: s.median([]), lambda: s.mode([]), lambda: s.variance([1]), lambda: s.stdev([1])]:
    try:
        f()
    except s.StatisticsError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
