async def score(x) -> float:
    return 1.0

compute_stats([score(1), score(2)])  # expect: invalid-argument-type "await"; invalid-argument-type
