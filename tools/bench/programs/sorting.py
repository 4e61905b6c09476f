# Sorting: ints, strings, tuples and records with key functions and reverse.
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
nums = [rnd() % 100000 for _ in range(100000)]
a = sorted(nums)
b = sorted(nums, reverse=True)
words = ["w" + str(n % 5000) for n in nums[:50000]]
c = sorted(words)
recs = [{"id": i, "score": nums[i] % 100, "name": words[i]} for i in range(30000)]
d = sorted(recs, key=lambda r: (-r["score"], r["name"]))
tups = sorted((n % 10, n) for n in nums[:50000])
print(a[0], a[-1], b[0], c[0], c[-1], d[0]["id"], d[-1]["id"], tups[0], tups[-1])
