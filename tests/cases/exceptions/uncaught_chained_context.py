try:
    {}["a"]
except KeyError:
    [].pop()
