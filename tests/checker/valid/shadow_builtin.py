list_ = [1, 2]
max_value = max(list_)
def filter_items(items, pred):
    return [i for i in items if pred(i)]
print(filter_items(list_, lambda v: v > 1), max_value)
