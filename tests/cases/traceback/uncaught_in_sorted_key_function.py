def key_fn(rec):
    return rec["score"] * 2


records = [{"score": 1}, {"score": None}]
print(sorted(records, key=key_fn))
