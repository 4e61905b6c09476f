def none_return():
    return
def multi():
    return 1, "two", 3.0
def early(x):
    if x:
        return "yes"
    return "no"
print(none_return(), multi(), early(1), early(0))
a, b, c = multi()
print(b)
