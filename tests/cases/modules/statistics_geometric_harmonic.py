import statistics as st
for d in [[1, 2, 4], [2, 2], [1.5, 2.5, 10], [1, 0, 3], [3], [0.1, 0.2, 0.7], [10, 20, 40, 80], [1, 2.5]]:
    print(st.harmonic_mean(d), st.geometric_mean(d))
for bad in [[], [-1, 2]]:
    try:
        print(st.harmonic_mean(bad))
    except st.StatisticsError as e:
        print("SE", e)
    try:
        print(st.geometric_mean(bad))
    except st.StatisticsError as e:
        print("SE", e)
print(st.geometric_mean(x for x in [2, 8]), round(st.geometric_mean([54, 24, 36]), 9))
