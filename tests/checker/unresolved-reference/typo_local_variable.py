results = [1, 2]
for r in reslts:  # expect: unresolved-reference "results"
    print(r)
