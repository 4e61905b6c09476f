def first_match(xs, pred):
    for x in xs:
        if pred(x):
            yield x
            return
print(list(first_match(range(10), lambda v: v > 6)), list(first_match([], bool)))
