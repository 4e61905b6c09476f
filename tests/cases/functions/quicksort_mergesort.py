def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quicksort([x for x in xs if x > pivot])
def mergesort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = mergesort(xs[:mid]), mergesort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
data = [5, 3, 9, 1, 5, 8, 2, 7, 0, -4, 12]
print(quicksort(data), mergesort(data), sorted(data) == mergesort(data))
